import { useLayoutEffect } from "react";
import type { TReviewQueueItem } from "@/app/api/review-queue/route.types";
import type { Verdict } from "./types";

const isField = (t: EventTarget | null): t is HTMLElement =>
  t instanceof HTMLElement && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");

/**
 * a agree, d disagree, j or s next, k previous; Esc in a queue item's field hands the keys back to the
 * queue (focus goes to the item, the text stays).
 */
export function useReviewKeys(current: TReviewQueueItem | null, submit: (item: TReviewQueueItem, v: Verdict) => void, move: (by: 1 | -1) => void) {
  // A layout effect: the handler that knows the item now shown is in place before it is painted, so a key
  // pressed the moment a filtered queue appears judges that item, not the one the old handler remembers.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (isField(e.target)) {
        const card = e.target.closest<HTMLElement>(".queue-item");
        if (e.key !== "Escape" || !card) return;
        e.preventDefault();
        card.focus();
        return;
      }
      if ((e.key === "a" || e.key === "d") && current) submit(current, e.key === "a" ? "agree" : "disagree");
      else if ((e.key === "j" || e.key === "s") && current) move(1);
      else if (e.key === "k" && current) move(-1);
      else return;
      e.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [current, submit, move]);
}
