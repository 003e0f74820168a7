"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";

export type TCloseReason = "escape" | "button" | "outside";

type Props = {
  /** The highlight segment the popover points at; read on every placement because it may be re-rendered. */
  anchor: () => HTMLElement | null;
  onClose: (reason: TCloseReason) => void;
  children: React.ReactNode;
};

const MARGIN = 8;
// Below this much room on either side of the highlight, the popover may cover it rather than become a slit.
const MIN_ROOM = 240;

type Place = { top: number; left: number; maxHeight: number };

/**
 * Shows a highlight's details next to it, always inside the viewport: below the highlight when it fits, else
 * above, else on the roomier side with its own scroll. Non-modal: the article stays usable, Esc or a press
 * outside closes it, and focus moves into it when it opens.
 */
export function DetailsPopover({ anchor, onClose, children }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const contentRef = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<Place | null>(null);

  const reposition = useCallback(() => {
    const box = boxRef.current;
    const content = contentRef.current;
    const el = anchor();
    if (!box || !content) return;
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    // A highlight that is filtered out of the text has nothing to point at: the details open near the top.
    const rect = (el && (el.getClientRects()[0] ?? el.getBoundingClientRect())) || new DOMRect((vw - box.offsetWidth) / 2, 64, 0, 0);
    const height = content.offsetHeight + (box.offsetHeight - box.clientHeight);
    const below = vh - rect.bottom - 2 * MARGIN;
    const above = rect.top - 2 * MARGIN;
    let next: Place;
    if (height <= below) next = { top: rect.bottom + MARGIN, left: 0, maxHeight: below };
    else if (height <= above) next = { top: rect.top - MARGIN - height, left: 0, maxHeight: above };
    else if (Math.max(below, above) >= MIN_ROOM)
      next = below >= above ? { top: rect.bottom + MARGIN, left: 0, maxHeight: below } : { top: MARGIN, left: 0, maxHeight: above };
    else {
      const maxHeight = vh - 2 * MARGIN;
      next = { top: Math.max(MARGIN, vh - MARGIN - Math.min(height, maxHeight)), left: 0, maxHeight };
    }
    next.left = Math.max(MARGIN, Math.min(rect.left, vw - box.offsetWidth - MARGIN));
    setPlace((p) => (p && p.top === next.top && p.left === next.left && p.maxHeight === next.maxHeight ? p : next));
  }, [anchor]);

  useLayoutEffect(reposition, [reposition]);

  // Once placed: a box that is still hidden cannot take focus.
  const focused = useRef(false);
  useLayoutEffect(() => {
    if (!place || focused.current) return;
    focused.current = true;
    boxRef.current?.focus({ preventScroll: true });
  }, [place]);

  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(reposition);
    };
    // Reviews load after the popover opens and make it taller.
    const observer = new ResizeObserver(schedule);
    if (contentRef.current) observer.observe(contentRef.current);
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
    };
  }, [reposition]);

  useEffect(() => {
    const onPointer = (e: PointerEvent) => {
      const target = e.target as Element | null;
      // A press on a highlight switches or cycles the details instead (its click handler decides).
      if (!target || boxRef.current?.contains(target) || target.closest?.("mark.hl")) return;
      onClose("outside");
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      const target = e.target as HTMLElement | null;
      // A field with a list of its own open (mention suggestions) closes that list first.
      if (target?.closest?.("[data-own-escape]")) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      // First Esc leaves a text field without losing what was typed there; the next one closes.
      if (target && boxRef.current?.contains(target) && (target.tagName === "TEXTAREA" || target.tagName === "INPUT")) {
        boxRef.current.focus({ preventScroll: true });
        return;
      }
      onClose("escape");
    };
    document.addEventListener("pointerdown", onPointer, true);
    document.addEventListener("keydown", onKey, true);
    return () => {
      document.removeEventListener("pointerdown", onPointer, true);
      document.removeEventListener("keydown", onKey, true);
    };
  }, [onClose]);

  return (
    <div
      ref={boxRef}
      className="details-popover"
      role="dialog"
      aria-label="Annotation details"
      tabIndex={-1}
      style={place ? { top: place.top, left: place.left, maxHeight: place.maxHeight } : { visibility: "hidden" }}
    >
      <div ref={contentRef}>{children}</div>
    </div>
  );
}
