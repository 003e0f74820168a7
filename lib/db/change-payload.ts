import type { TChangeMessage } from "./change-feed";

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; announcements stay well under it. */
export const MAX_PAYLOAD_BYTES = 4000;

const isId = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 200;

function encode(message: TChangeMessage): string {
  const { teamId, kind, articleId, annotationId, userIds } = message;
  return JSON.stringify({ teamId, kind, articleId, annotationId, userIds });
}

/**
 * The NOTIFY payloads announcing `message`: one, unless its recipients are too many for one payload; then each
 * payload names some of them, so every recipient is told once and nobody else is.
 */
export function changePayloads(message: TChangeMessage): string[] {
  const payload = encode(message);
  const ids = message.userIds ?? [];
  if (Buffer.byteLength(payload) <= MAX_PAYLOAD_BYTES || ids.length < 2) return [payload];
  const half = Math.ceil(ids.length / 2);
  return [...changePayloads({ ...message, userIds: ids.slice(0, half) }), ...changePayloads({ ...message, userIds: ids.slice(half) })];
}

/** A payload read back from the channel, or null if it is not one of ours. */
export function parseChangePayload(payload: string | undefined): TChangeMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(payload ?? "");
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { teamId, kind, articleId, annotationId, userIds } = value as Record<string, unknown>;
  if (!isId(teamId) || !isId(kind)) return null;
  if (articleId !== undefined && !isId(articleId)) return null;
  if (annotationId !== undefined && !isId(annotationId)) return null;
  if (userIds !== undefined && !(Array.isArray(userIds) && userIds.every(isId))) return null;
  return {
    teamId,
    kind,
    ...(articleId !== undefined ? { articleId } : {}),
    ...(annotationId !== undefined ? { annotationId } : {}),
    ...(userIds !== undefined ? { userIds } : {}),
  };
}
