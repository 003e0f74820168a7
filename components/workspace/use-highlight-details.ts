"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { TCloseReason } from "./details-popover";

const segmentsOf = (id: string) => `[data-ids~="${CSS.escape(id)}"]`;

/**
 * Which highlight's details are open, the segment they point at, and focus going back to the highlight when
 * they close. `rendered` is whatever re-renders the highlights, so the active outline is redrawn after it.
 */
export function useHighlightDetails(bodyRef: RefObject<HTMLElement | null>, rendered: unknown) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const anchorRef = useRef<HTMLElement | null>(null);

  const onActivate = useCallback((ids: string[], el: HTMLElement) => {
    anchorRef.current = el;
    setActiveId((current) => {
      // Clicking again on overlapping highlights cycles through them.
      const i = current ? ids.indexOf(current) : -1;
      return ids[(i + 1) % ids.length] ?? null;
    });
  }, []);

  /** From a list elsewhere on the page: bring the highlight into view, then open its details there. */
  const scrollTo = useCallback(
    (id: string) => {
      requestAnimationFrame(() => {
        const el = bodyRef.current?.querySelector<HTMLElement>(segmentsOf(id)) ?? null;
        anchorRef.current = el;
        setActiveId(id);
        if (!el) return;
        el.scrollIntoView({ behavior: "smooth", block: "center" });
        el.classList.remove("flash");
        void el.offsetWidth;
        el.classList.add("flash");
      });
    },
    [bodyRef],
  );

  // The segment that was clicked, or (after a re-render replaced it) the highlight's first segment.
  const getAnchor = useCallback(() => {
    if (!activeId) return null;
    const clicked = anchorRef.current;
    if (clicked?.isConnected && clicked.dataset.ids?.split(" ").includes(activeId)) return clicked;
    return bodyRef.current?.querySelector<HTMLElement>(segmentsOf(activeId)) ?? null;
  }, [activeId, bodyRef]);

  const closeDetails = useCallback(
    (reason: TCloseReason) => {
      const first = activeId ? bodyRef.current?.querySelector<HTMLElement>(`[tabindex]${segmentsOf(activeId)}`) : null;
      setActiveId(null);
      // After a press elsewhere, focus stays where the reader put it.
      if (reason !== "outside") first?.focus({ preventScroll: true });
    },
    [activeId, bodyRef],
  );

  useEffect(() => {
    const root = bodyRef.current;
    if (!root) return;
    for (const el of root.querySelectorAll(".hl-active")) el.classList.remove("hl-active");
    if (activeId) for (const el of root.querySelectorAll(segmentsOf(activeId))) el.classList.add("hl-active");
  }, [activeId, bodyRef, rendered]);

  return { activeId, setActiveId, onActivate, scrollTo, getAnchor, closeDetails };
}
