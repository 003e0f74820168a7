import type { TNotificationResponse } from "@/app/api/notifications/route.types";

const DOING: Record<TNotificationResponse["kind"], string> = {
  mention: "mentioned you",
  reply: "replied",
  verdict: "reviewed your annotation",
};

/** Who did what: "Ana Annotator mentioned you"; "Someone" when the teammate's account is gone. */
export function notificationSentence(n: Pick<TNotificationResponse, "kind" | "actor">): { who: string; did: string } {
  return { who: n.actor?.name ?? "Someone", did: DOING[n.kind] };
}

/** The passage in its article, with the thread open. */
export function threadLink(n: Pick<TNotificationResponse, "articleId" | "annotationId">): string {
  const query = new URLSearchParams({ annotation: n.annotationId, thread: "1" });
  return `/articles/${encodeURIComponent(n.articleId)}?${query.toString()}`;
}

/** The bell's count as shown: null with nothing unread, so the header stays quiet; capped at "99+". */
export function unreadBadge(unread: number | null): string | null {
  if (!unread || unread <= 0) return null;
  return unread > 99 ? "99+" : String(unread);
}
