// Live updates under load: the spread-out annotation-create load with STREAMS open event streams (GET /api/events,
// as that many teammates with a page open) next to the same load with none, and the time from a create's answer to
// its event on another user's stream.
import http from "node:http";
import { removeCreated, type TCtx } from "./context";
import { sayRun, wrkRun, writeTargets } from "./create";
import { Prng } from "./prng";
import type { TCreateRun, TLiveEventResults } from "./results";
import { median, percentile, round, say } from "./util";

const STREAMS = 200;
/** Sequential creates whose event is timed on another user's stream. */
const TIMED_CREATES = 200;
const LATENCY_NOTE = "bench-live ";

type TEvent = { at: number; data: Record<string, unknown> };

/** One open event stream: what it received, by the time it arrived. */
type TStream = { events: TEvent[]; close: () => void };

function openStream(base: string, cookie: string, onEvent?: (e: TEvent) => void): Promise<TStream> {
  return new Promise((resolve, reject) => {
    const events: TEvent[] = [];
    let buffered = "";
    const req = http.get(`${base}/api/events`, { agent: false, headers: { cookie, accept: "text/event-stream" } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`GET /api/events answered ${res.statusCode}`));
        return;
      }
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffered += chunk;
        let end: number;
        while ((end = buffered.indexOf("\n\n")) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = block
            .split("\n")
            .filter((l) => l.startsWith("data:"))
            .map((l) => l.slice(5).trimStart())
            .join("\n");
          if (!data) continue;
          const event = { at: performance.now(), data: JSON.parse(data) as Record<string, unknown> };
          events.push(event);
          onEvent?.(event);
        }
      });
      res.on("error", () => {});
      resolve({ events, close: () => req.destroy() });
    });
    req.on("error", reject);
  });
}

async function openStreams(ctx: TCtx, n: number): Promise<TStream[]> {
  const streams: TStream[] = [];
  // In batches, so the server is not asked for 200 sessions at once.
  for (let i = 0; i < n; i += 20) {
    streams.push(...(await Promise.all(Array.from({ length: Math.min(20, n - i) }, (_, j) => openStream(ctx.server.base, ctx.cookies[(i + j) % ctx.cookies.length]!)))));
  }
  return streams;
}

function postCreate(base: string, cookie: string, articleId: string, body: unknown): Promise<{ status: number; at: number; id: string | null }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(
      `${base}/api/articles/${encodeURIComponent(articleId)}/annotations`,
      { method: "POST", agent: false, headers: { cookie, "content-type": "application/json", "content-length": Buffer.byteLength(payload) } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => {
          const at = performance.now();
          let id: string | null = null;
          try {
            id = (JSON.parse(text) as { id?: string }).id ?? null;
          } catch {
            id = null;
          }
          resolve({ status: res.statusCode ?? 0, at, id });
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

/** Creates one at a time by the first user; each one's event timed on the second user's stream. */
async function eventLatency(ctx: TCtx): Promise<{ medianMs: number; p99Ms: number; maxMs: number; timed: number; missed: number }> {
  const arrivals = new Map<string, number>();
  const watcher = await openStream(ctx.server.base, ctx.cookies[1 % ctx.cookies.length]!, (e) => {
    const id = e.data.annotationId;
    if (typeof id === "string" && !arrivals.has(id)) arrivals.set(id, e.at);
  });
  const rng = new Prng("live-events");
  const acks = new Map<string, number>();
  try {
    for (let i = 0; i < TIMED_CREATES; i++) {
      const target = ctx.manifest.targets[rng.int(0, ctx.manifest.targets.length - 1)]!;
      const start = rng.int(0, Math.max(0, target.length - 60));
      const r = await postCreate(ctx.server.base, ctx.cookies[0]!, target.id, { start, end: start + 1 + rng.int(0, 50), tag: "opinion", note: `${LATENCY_NOTE}${i}` });
      if (r.status === 201 && r.id) acks.set(r.id, r.at);
    }
    // Whatever has not arrived a second after the last answer is counted as missed.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    watcher.close();
  }
  const lags = [...acks].flatMap(([id, at]) => (arrivals.has(id) ? [Math.max(0, arrivals.get(id)! - at)] : []));
  await removeCreated(ctx, { startsWith: LATENCY_NOTE });
  return { medianMs: round(median(lags), 2), p99Ms: round(percentile(lags, 99), 2), maxMs: round(Math.max(...lags), 2), timed: lags.length, missed: acks.size - lags.length };
}

export async function liveEventScenarios(ctx: TCtx): Promise<TLiveEventResults> {
  const targetsFile = writeTargets(ctx);
  const runs = ctx.quick ? 1 : 3;
  const seconds = ctx.quick ? 5 : 10;
  const byConnections: TLiveEventResults["byConnections"] = {};
  let seed = 7001;
  let delivered = 0;
  for (const connections of [8, 64]) {
    say(`${ctx.size}: annotation create with 0 and ${STREAMS} open event streams, ${connections} connections, ${runs} × ${seconds} s each (wrk)`);
    await wrkRun(ctx, "product", connections, 3, targetsFile, seed++, false);
    const entry = { none: [] as TCreateRun[], streams: [] as TCreateRun[] };
    for (let i = 0; i < runs; i++) {
      const none = await wrkRun(ctx, "product", connections, seconds, targetsFile, seed++, true);
      entry.none.push(none);
      sayRun("product", i, none);
      const streams = await openStreams(ctx, STREAMS);
      try {
        const withStreams = await wrkRun(ctx, "product", connections, seconds, targetsFile, seed++, true);
        entry.streams.push(withStreams);
        sayRun("product", i, withStreams);
        delivered = Math.max(delivered, ...streams.map((s) => s.events.length));
      } finally {
        for (const s of streams) s.close();
      }
    }
    byConnections[String(connections)] = entry;
  }
  say(`${ctx.size}: ${TIMED_CREATES} creates one at a time, each one's event timed on another user's stream (${STREAMS} streams open)`);
  const streams = await openStreams(ctx, STREAMS);
  let latency;
  try {
    latency = await eventLatency(ctx);
  } finally {
    for (const s of streams) s.close();
  }
  say(`  event after the create's answer: median ${latency.medianMs} ms, p99 ${latency.p99Ms} ms, max ${latency.maxMs} ms (${latency.timed} timed, ${latency.missed} missed)`);
  return { streams: STREAMS, byConnections, mostEventsOnOneStream: delivered, latency };
}
