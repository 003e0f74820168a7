// What the attack specs need beyond a browser: the server's resident memory, and raw HTTP requests whose bodies
// stream in slowly or without end, as an attacker's would.
import { readFileSync } from "node:fs";
import http from "node:http";

/** The app server's resident set in bytes (Linux /proc), from the pid scripts/e2e.ts passes on. */
export function serverRss(): number {
  const pid = process.env.E2E_SERVER_PID;
  if (!pid) throw new Error("E2E_SERVER_PID is not set: run the suite through `npm run test:e2e`.");
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error(`No VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

export type TStreamResult = { status: number; body: string; sentBytes: number; ms: number };

/**
 * POSTs a chunked body (no Content-Length) of up to `totalBytes`, `chunk` at a time, and stops sending as soon
 * as the server answers or closes: what matters is how much the server accepted before it refused.
 */
export function streamPost(
  baseURL: string,
  path: string,
  options: { headers?: Record<string, string>; chunk: Buffer; totalBytes: number; timeoutMs?: number },
): Promise<TStreamResult> {
  const started = Date.now();
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const req = http.request(
      { method: "POST", hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers: { ...options.headers, "transfer-encoding": "chunked" } },
      (res) => {
        answered = true;
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
        res.on("end", () => {
          resolve({ status: res.statusCode ?? 0, body, sentBytes, ms: Date.now() - started });
          req.destroy();
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${options.timeoutMs ?? 60_000} ms after ${sentBytes} bytes`));
    }, options.timeoutMs ?? 60_000);
    req.on("error", (error) => {
      clearTimeout(timer);
      if (!answered) reject(error);
    });
    req.on("close", () => clearTimeout(timer));
    const pump = () => {
      while (!answered && !req.destroyed && sentBytes < options.totalBytes) {
        sentBytes += options.chunk.byteLength;
        if (!req.write(options.chunk)) return void req.once("drain", pump);
      }
      if (!answered && !req.destroyed) req.end();
    };
    pump();
  });
}

/** Milliseconds a trivial request takes while something else runs: how long the server's event loop is held. */
export async function probeLatency(baseURL: string): Promise<number> {
  const started = Date.now();
  const res = await fetch(new URL("/api/me", baseURL));
  await res.arrayBuffer();
  return Date.now() - started;
}
