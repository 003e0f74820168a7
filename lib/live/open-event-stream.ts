import type { TSessionUser } from "@/lib/auth/session-user";
import { changeFeed, type TChangeMessage, type TFeedSignal } from "@/lib/db/change-feed";
import { HEARTBEAT_MS, eventDetail, isFor, sseEvent, sseHeartbeat, sseOpening } from "./sse";

/** Writes a client may leave unread before its stream is ended (it reconnects and catches up with a resync). */
const MAX_UNREAD = 1000;
/**
 * Events go out at most this often per stream, gathered into one write: with many open pages, one socket write per
 * event and page would cost the server more than the writes announced. Well inside the 2 s a page has to follow.
 */
export const FLUSH_MS = 200;

let sequence = 0;
/** Unique within the process and increasing; a reconnecting client catches up by refetching, not by replay. */
const nextId = () => `${Date.now().toString(36)}-${(++sequence).toString(36)}`;

// Every subscriber of the process is handed the same message: it is framed as an event once, not once per stream.
const framed = new WeakMap<TChangeMessage, string | null>();
function frame(message: TChangeMessage): string | null {
  let text = framed.get(message);
  if (text === undefined) {
    const detail = eventDetail(message);
    text = detail ? sseEvent(nextId(), detail) : null;
    framed.set(message, text);
  }
  return text;
}

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

  let pending: string[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    flushTimer = null;
    const text = pending.join("");
    pending = [];
    if (ended || !controller || !text) return;
    if ((controller.desiredSize ?? 0) < -MAX_UNREAD) return end();
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      // The reader went away between the check and the write.
      end();
    }
  };
  const send = (text: string) => {
    if (ended) return;
    pending.push(text);
    flushTimer ??= setTimeout(flush, FLUSH_MS);
  };
  const onSignal = (s: TFeedSignal) => {
    if (s.type === "resync") return send(sseEvent(nextId(), { kind: "resync" }));
    const text = isFor(user, s.message) ? frame(s.message) : null;
    if (text) send(text);
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
    if (flushTimer) clearTimeout(flushTimer);
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
