import type { TSessionUser } from "@/lib/auth/session-user";
import { changeFeed, type TFeedSignal } from "@/lib/db/change-feed";
import { HEARTBEAT_MS, eventDetail, isFor, sseEvent, sseHeartbeat, sseOpening } from "./sse";

/** Events a client may leave unread before its stream is ended (it reconnects and catches up with a resync). */
const MAX_UNREAD = 1000;

let sequence = 0;
/** Unique within the process and increasing; a reconnecting client catches up by refetching, not by replay. */
const nextId = () => `${Date.now().toString(36)}-${(++sequence).toString(36)}`;

export const EVENT_STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform: compression (Next's included) would hold events back until a buffer fills.
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

type TStreamOptions = {
  user: TSessionUser;
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  /** Asked at each heartbeat: a stream whose session has ended (logged out, revoked, role changed) is closed. */
  stillAuthorized: () => Promise<boolean>;
  heartbeatMs?: number;
};

/**
 * The user's change feed as server-sent events: their team's changes (and of those naming recipients, theirs),
 * `resync` when the feed may have missed some, and a heartbeat comment. The subscription is live before the response
 * is returned; it ends, with the heartbeat, when the client goes away, stops reading, or is no longer logged in.
 */
export async function openEventStream({ user, signal, stillAuthorized, heartbeatMs = HEARTBEAT_MS }: TStreamOptions): Promise<Response> {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let ended = false;

  const send = (text: string) => {
    if (ended || !controller) return;
    if ((controller.desiredSize ?? 0) < -MAX_UNREAD) return end();
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      // The reader went away between the check and the write.
      end();
    }
  };
  const onSignal = (s: TFeedSignal) => {
    if (s.type === "resync") return send(sseEvent(nextId(), { kind: "resync" }));
    const detail = isFor(user, s.message) ? eventDetail(s.message) : null;
    if (detail) send(sseEvent(nextId(), detail));
  };

  const unsubscribe = await (await changeFeed()).subscribe(onSignal);
  const heartbeat = setInterval(() => {
    stillAuthorized()
      .catch(() => true)
      .then((ok) => (ok ? send(sseHeartbeat()) : end()));
  }, heartbeatMs);
  function end() {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    unsubscribe();
    signal.removeEventListener("abort", end);
    try {
      controller?.close();
    } catch {
      // Already closed or cancelled by the reader.
    }
  }

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      c.enqueue(encoder.encode(sseOpening()));
    },
    cancel: end,
  });
  signal.addEventListener("abort", end, { once: true });
  if (signal.aborted) end();
  return new Response(stream, { headers: EVENT_STREAM_HEADERS });
}
