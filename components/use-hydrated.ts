import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and during hydration, true once React owns the page. Controls that only work
 * through React stay disabled until then: a form submitted before hydration would fall back to a native
 * GET (putting a password in the URL), and a filter changed before hydration is silently reset by it.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
