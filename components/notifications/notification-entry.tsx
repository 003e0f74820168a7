"use client";

import { formatDistanceToNow } from "date-fns";
import Link from "next/link";
import { useState } from "react";
import type { TNotificationResponse } from "@/app/api/notifications/route.types";
import { formatTimestamp } from "@/lib/ui/format";
import { notificationSentence, threadLink } from "./notification-text";

type Props = {
  notification: TNotificationResponse;
  onMarkRead: () => Promise<void>;
  /** A plain click: mark read, then go. Other clicks (a new tab) go their own way. */
  onOpen: (href: string) => Promise<void>;
};

const QUOTE_MAX = 160;

export function NotificationEntry({ notification: n, onMarkRead, onOpen }: Props) {
  const [error, setError] = useState<string | null>(null);
  const { who, did } = notificationSentence(n);
  const href = threadLink(n);
  const quote = n.quote.length > QUOTE_MAX ? `${n.quote.slice(0, QUOTE_MAX)}…` : n.quote;

  return (
    <li className={`notif${n.read ? "" : " unread"}`} data-testid="notification" data-read={n.read}>
      <Link
        href={href}
        className="notif-link"
        onClick={(e) => {
          if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          e.preventDefault();
          void onOpen(href);
        }}
      >
        <span className="notif-line">
          {!n.read && (
            <span className="notif-flag">
              <span aria-hidden>●</span> Unread<span className="sr-only">:</span>
            </span>
          )}
          <span className="notif-what">
            <strong>{who}</strong> {did}
          </span>
        </span>
        <span className="notif-where">
          in <cite>{n.articleTitle}</cite>
        </span>
        {quote && <span className="notif-quote">“{quote}”</span>}
      </Link>
      <div className="notif-foot">
        <time dateTime={n.createdAt} title={formatTimestamp(n.createdAt)} className="muted">
          {formatDistanceToNow(new Date(n.createdAt), { addSuffix: true })}
        </time>
        {!n.read && (
          <button
            type="button"
            className="button ghost small"
            onClick={() => {
              setError(null);
              onMarkRead().catch((e: Error) => setError(e.message));
            }}
          >
            Mark read
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
