"use client";

import { useEffect, useRef } from "react";
import { LIVE_EVENT, type TLiveEventDetail } from "@/lib/live/types";

/** Calls `onChange` for every change the page hears (components/live/live-events.tsx), `resync` included. */
export function useLiveChanges(onChange: (detail: TLiveEventDetail) => void): void {
  // The latest callback, without re-adding the listener on every render.
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    const listener = (e: Event) => latest.current((e as CustomEvent<TLiveEventDetail>).detail);
    window.addEventListener(LIVE_EVENT, listener);
    return () => window.removeEventListener(LIVE_EVENT, listener);
  }, []);
}

/** Whether a change can alter an article's annotations, their statuses or its score. */
export function touchesArticle(detail: TLiveEventDetail, articleId: string): boolean {
  return detail.kind === "resync" || ((detail.kind === "annotation" || detail.kind === "review") && detail.articleId === articleId);
}
