// HTTP from the runner to the server: single requests, and timed sequences of GETs with their CPU cost.
import http from "node:http";
import type { CpuMeter } from "./cost";
import type { TTimed } from "./report";
import { loadavg, median, percentile, round } from "./util";

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export function get(url: string, cookie: string, keepBody = false): Promise<{ status: number; ttfbMs: number; totalMs: number; bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, headers: cookie ? { cookie } : {}, timeout: 120_000 }, (res) => {
      const ttfbMs = performance.now() - t0;
      let bytes = 0;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => {
        bytes += c.length;
        if (keepBody) chunks.push(c);
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, ttfbMs, totalMs: performance.now() - t0, bytes, body: keepBody ? Buffer.concat(chunks).toString("utf8") : "" }),
      );
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on("error", reject);
  });
}

/** The server's CPU and, on PostgreSQL, its backends' CPU, each followed from the start of a measurement. */
export type TMeters = () => { server: CpuMeter; database: CpuMeter | null };

/**
 * Sequential GETs (one client, so the server has the CPU): median and p90 of the full response time, and what the
 * timed requests cost the server's processes and the database backends, per request.
 */
export async function timeGets(url: string, cookie: string, runs: number, meters: TMeters, check: (status: number, body: string) => string | null): Promise<TTimed> {
  const deadline = Date.now() + 120_000;
  for (let i = 0; i < 3; i++) {
    const r = await get(url, cookie, true);
    const problem = check(r.status, r.body);
    if (problem) throw new Error(`GET ${url}: ${problem}`);
  }
  return metered(meters, async (timed) => {
    for (let i = 0; i < runs && Date.now() < deadline; i++) {
      const r = await get(url, cookie);
      if (r.status !== 200) throw new Error(`GET ${url}: status ${r.status}`);
      timed(r);
    }
  });
}

type TOneRequest = { totalMs: number; bytes: number; ttfbMs?: number };

/**
 * Runs `requests` (which reports each timed request through `timed`) between the start and stop of the server's and
 * database's CPU meters: median and p90 of the full response times, and the CPU per request.
 */
async function metered(meters: TMeters, requests: (timed: (r: TOneRequest) => void) => Promise<void>): Promise<TTimed> {
  const totals: number[] = [];
  const ttfbs: number[] = [];
  let bytes = 0;
  const load0 = loadavg();
  const { server, database } = meters();
  await server.start();
  await database?.start();
  await requests((r) => {
    totals.push(r.totalMs);
    if (r.ttfbMs !== undefined) ttfbs.push(r.ttfbMs);
    bytes = r.bytes;
  });
  const serverCpu = await server.stop();
  const databaseCpu = await database?.stop();
  return {
    runs: totals.length,
    medianMs: round(median(totals)),
    p90Ms: round(percentile(totals, 90)),
    ttfbMedianMs: ttfbs.length ? round(median(ttfbs)) : NaN,
    bytes,
    loadavg: Math.max(load0, loadavg()),
    serverCpuMsPerRequest: round(serverCpu.cpuMs / totals.length, 2),
    ...(databaseCpu ? { databaseCpuMsPerRequest: round(databaseCpu.cpuMs / totals.length, 2) } : {}),
  };
}

/** A JSON POST: its status and full response time. */
export function post(url: string, cookie: string, body: unknown): Promise<{ status: number; totalMs: number; bytes: number }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(
      url,
      { method: "POST", agent, timeout: 120_000, headers: { cookie, "content-type": "application/json", "content-length": Buffer.byteLength(text) } },
      (res) => {
        let bytes = 0;
        res.on("data", (c: Buffer) => (bytes += c.length));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, totalMs: performance.now() - t0, bytes }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`POST ${url} timed out`)));
    req.on("error", reject);
    req.end(text);
  });
}

/** Sequential POSTs, each its own request (a write happens once): timed and metered like timeGets, no warm-up. */
export function timePosts(requests: { url: string; body: unknown }[], cookie: string, meters: TMeters, expected: number): Promise<TTimed> {
  return metered(meters, async (timed) => {
    for (const { url, body } of requests) {
      const r = await post(url, cookie, body);
      if (r.status !== expected) throw new Error(`POST ${url}: status ${r.status}, expected ${expected}`);
      timed(r);
    }
  });
}

/** Status of a POST with an empty JSON body (is a route there at all?). */
export async function postStatus(url: string, cookie: string): Promise<number> {
  return (await post(url, cookie, {})).status;
}
