"use client";

import { useCallback, useSyncExternalStore } from "react";

const KEY = "sourcing.suggestions";
const listeners = new Set<() => void>();
// Used when the browser refuses storage (private modes), so the toggle still works for this page.
let fallback = true;

function read(): boolean {
  try {
    const stored = window.localStorage.getItem(KEY);
    return stored === null ? fallback : stored !== "hidden";
  } catch {
    return fallback;
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/** Whether suggestions are drawn in the article: one choice per browser, kept across pages and reloads. */
export function useSuggestionsShown(): [boolean, (show: boolean) => void] {
  const shown = useSyncExternalStore(subscribe, read, () => true);
  const setShown = useCallback((show: boolean) => {
    fallback = show;
    try {
      window.localStorage.setItem(KEY, show ? "shown" : "hidden");
    } catch {
      // Storage refused: the in-memory choice above still applies.
    }
    for (const listener of listeners) listener();
  }, []);
  return [shown, setShown];
}
