import type { TSessionUser } from "@/lib/auth/session-user";
import type { TChangeMessage } from "@/lib/db/change-feed";
import { CHANGE_KINDS, type TChangeKind, type TLiveEventDetail } from "./types";

/** How long a browser waits before reconnecting a dropped stream. */
export const RETRY_MS = 2000;
/** A comment this often keeps proxies from closing a quiet stream. */
export const HEARTBEAT_MS = 20_000;

/** Whether `user` may hear of `message`: their team's, and if it names its recipients, one of them. */
export function isFor(user: Pick<TSessionUser, "id" | "teamId">, message: TChangeMessage): boolean {
  return message.teamId === user.teamId && (message.userIds === undefined || message.userIds.includes(user.id));
}

const isChangeKind = (kind: string): kind is TChangeKind => (CHANGE_KINDS as readonly string[]).includes(kind);

/** What a page is told: the kind and ids, never the team or the other recipients; null for a kind pages don't know. */
export function eventDetail(message: TChangeMessage): TLiveEventDetail | null {
  if (!isChangeKind(message.kind)) return null;
  return {
    kind: message.kind,
    ...(message.articleId !== undefined ? { articleId: message.articleId } : {}),
    ...(message.annotationId !== undefined ? { annotationId: message.annotationId } : {}),
  };
}

/** One server-sent event. The data is one line of JSON, which never holds a raw newline. */
export function sseEvent(id: string, detail: TLiveEventDetail): string {
  return `id: ${id}\nevent: ${detail.kind}\ndata: ${JSON.stringify(detail)}\n\n`;
}

export const sseOpening = (): string => `retry: ${RETRY_MS}\n: connected\n\n`;
export const sseHeartbeat = (): string => `: heartbeat\n\n`;
