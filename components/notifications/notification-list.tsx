"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { TNotificationResponse } from "@/app/api/notifications/route.types";
import { useLiveChanges } from "@/components/live/use-live-changes";
import { LIVE_EVENT, type TLiveEventDetail } from "@/lib/live/types";
import { api } from "@/lib/api-client";
import { plural } from "@/lib/ui/format";
import { NotificationEntry } from "./notification-entry";
import "./notifications.css";

const PAGE = 20;

type TState = { items: TNotificationResponse[]; unread: number; nextCursor: string | null };

// The header's count follows what is marked read here.
function announceRead() {
  window.dispatchEvent(new CustomEvent<TLiveEventDetail>(LIVE_EVENT, { detail: { kind: "notification" } }));
}

/** The reader's notifications, newest first, a page at a time, with mark read and mark all read. */
export function NotificationList() {
  const router = useRouter();
  const [state, setState] = useState<TState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .listNotifications({ limit: PAGE })
      .then((r) => {
        if (!live) return;
        setState({ items: r.notifications, unread: r.unread, nextCursor: r.nextCursor });
        setError(null);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [tick]);

  // New notifications show up on their own while only the first page is loaded; deeper in, the reader's place wins.
  useLiveChanges((change) => {
    if ((change.kind === "notification" || change.kind === "resync") && (state?.items.length ?? 0) <= PAGE) setTick((t) => t + 1);
  });

  async function loadMore() {
    if (!state?.nextCursor) return;
    setBusy(true);
    setMoreError(null);
    try {
      const r = await api.listNotifications({ limit: PAGE, cursor: state.nextCursor });
      setState((s) => s && { items: [...s.items, ...r.notifications.filter((n) => !s.items.some((i) => i.id === n.id))], unread: r.unread, nextCursor: r.nextCursor });
    } catch (e) {
      setMoreError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function markRead(ids: string[] | "all") {
    const r = await api.markNotificationsRead(ids === "all" ? { all: true } : { ids });
    setState((s) => s && { ...s, unread: r.unread, items: s.items.map((n) => (ids === "all" || ids.includes(n.id) ? { ...n, read: true } : n)) });
    announceRead();
  }

  async function markAll() {
    setBusy(true);
    setError(null);
    try {
      await markRead("all");
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!state) {
    return error ? (
      <div className="error" role="alert">
        Could not load your notifications: {error}{" "}
        <button type="button" className="button small" onClick={() => setTick((t) => t + 1)}>
          Try again
        </button>
      </div>
    ) : (
      <p className="muted">Loading notifications…</p>
    );
  }

  return (
    <section className="card notif-card" aria-labelledby="notif-heading">
      <div className="notif-head">
        <h2 id="notif-heading" data-testid="notif-unread">
          {state.unread > 0 ? plural(state.unread, "unread notification") : "All read"}
        </h2>
        <button type="button" className="button small" disabled={busy || state.unread === 0} onClick={() => void markAll()}>
          Mark all read
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {state.items.length === 0 ? (
        <p className="muted" data-testid="notif-empty">
          No notifications yet. You will hear here when a teammate mentions you, replies on your annotation or in a discussion you
          took part in, or reviews your annotation.
        </p>
      ) : (
        <ol className="notif-list" data-testid="notification-list">
          {state.items.map((n) => (
            <NotificationEntry
              key={n.id}
              notification={n}
              onMarkRead={() => markRead([n.id])}
              onOpen={async (href) => {
                // Reading it counts as read; a failure to record that must not keep the reader from the passage.
                if (!n.read) await markRead([n.id]).catch(() => undefined);
                router.push(href);
              }}
            />
          ))}
        </ol>
      )}
      {state.nextCursor && (
        <button type="button" className="button small notif-more" disabled={busy} onClick={() => void loadMore()}>
          {busy ? "Loading…" : "Load more"}
        </button>
      )}
      {moreError && (
        <p className="error" role="alert">
          Could not load more: {moreError}
        </p>
      )}
    </section>
  );
}
