"use client";

import { useEffect } from "react";
import { CHANGE_KINDS, LIVE_EVENT, type TLiveEventDetail } from "@/lib/live/types";

/** How long to wait before opening a stream the server refused (logged out, or down), growing up to a minute. */
const FIRST_REOPEN_MS = 2000;
const LAST_REOPEN_MS = 60_000;

const announce = (detail: TLiveEventDetail) => window.dispatchEvent(new CustomEvent<TLiveEventDetail>(LIVE_EVENT, { detail }));

/**
 * The page's one connection to GET /api/events, mounted once in the app's layout: each change it hears becomes a
 * window event `sourcing:change` (lib/live/types.ts) for whichever component shows that thing. The browser
 * reconnects a dropped stream by itself; a stream the server refused is opened again here. Either way, changes may
 * have been missed meanwhile, so a stream that opens after a failure (a reconnect, or a first try that failed) is
 * announced as `resync`.
 */
export function LiveEvents() {
  useEffect(() => {
    let source: EventSource | null = null;
    // Whether changes may have gone unheard since the page's data was read: the stream failed at some point.
    let failed = false;
    let reopenMs = FIRST_REOPEN_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const onChange = (e: MessageEvent<string>) => {
      try {
        announce(JSON.parse(e.data) as TLiveEventDetail);
      } catch {
        // Not one of ours: nothing to tell the page.
      }
    };
    const open = () => {
      const s = new EventSource("/api/events");
      source = s;
      s.addEventListener("open", () => {
        if (failed) announce({ kind: "resync" });
        failed = false;
        reopenMs = FIRST_REOPEN_MS;
      });
      for (const kind of [...CHANGE_KINDS, "resync"]) s.addEventListener(kind, onChange);
      s.addEventListener("error", () => {
        failed = true;
        if (s.readyState !== EventSource.CLOSED) return;
        timer = setTimeout(open, reopenMs);
        reopenMs = Math.min(reopenMs * 2, LAST_REOPEN_MS);
      });
    };
    open();
    return () => {
      clearTimeout(timer);
      source?.close();
    };
  }, []);
  return null;
}
