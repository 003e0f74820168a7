"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { useLiveChanges } from "@/components/live/use-live-changes";
import { api } from "@/lib/api-client";
import { unreadBadge } from "./notification-text";
import "./notifications.css";

/**
 * The header's link to the notifications page with the unread count, fetched on mount, on each page change, when
 * the window regains focus, and when the live feed reports a notification (or a resync).
 */
export function NotificationBell() {
  const pathname = usePathname();
  const [unread, setUnread] = useState<number | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .listNotifications({ limit: 1 })
      .then((r) => live && setUnread(r.unread))
      // A count that cannot be fetched is left as it was: the page itself says what went wrong.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [pathname, tick]);

  useEffect(() => {
    const onFocus = () => setTick((t) => t + 1);
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, []);

  useLiveChanges((change) => {
    if (change.kind === "notification" || change.kind === "resync") setTick((t) => t + 1);
  });

  const badge = unreadBadge(unread);
  return (
    <Link href="/notifications" className={`bell${badge ? " has-unread" : ""}`} data-testid="notification-bell" aria-current={pathname === "/notifications" ? "page" : undefined}>
      <svg aria-hidden className="bell-icon" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      <span className="sr-only">Notifications{badge ? ", " : ""}</span>
      {badge && (
        <span className="bell-count">
          {badge}
          <span className="sr-only"> unread</span>
        </span>
      )}
    </Link>
  );
}
