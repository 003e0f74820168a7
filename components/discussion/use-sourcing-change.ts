"use client";

import { useEffect, useRef } from "react";

/** What the live change feed announces on `window` as a "sourcing:change" CustomEvent. */
export type TSourcingChange = {
  kind: "annotation" | "review" | "reply" | "thread" | "notification" | "resync";
  articleId?: string;
  annotationId?: string;
};

export const SOURCING_CHANGE = "sourcing:change";

/**
 * Calls `onChange` for every change the live feed announces. The latest `onChange` is used without
 * re-subscribing, so callers need not memoise it.
 */
export function useSourcingChange(onChange: (change: TSourcingChange) => void) {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    const listener = (e: Event) => {
      const detail = (e as CustomEvent<TSourcingChange | undefined>).detail;
      if (detail && typeof detail.kind === "string") latest.current(detail);
    };
    window.addEventListener(SOURCING_CHANGE, listener);
    return () => window.removeEventListener(SOURCING_CHANGE, listener);
  }, []);
}
