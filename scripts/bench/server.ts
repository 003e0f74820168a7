// The production build and server the benchmark measures (next start, BENCH_ROUTES=1), on 127.0.0.1.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, openSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { processTree } from "./cost";
import { ROOT } from "./database";
import { get } from "./http";
import { say, sleep } from "./util";

/** The build's folder; BENCH_DIST_DIR=.next-bench-x keeps a second build (another branch) beside the usual one. */
const DIST_DIR = process.env.BENCH_DIST_DIR || ".next-bench";
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

export function build(): number {
  say(`Building the production server into ${DIST_DIR} (BENCH_ROUTES=1)…`);
  const t = performance.now();
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: DIST_DIR, NEXT_SKIP_TYPECHECK: "1", BENCH_ROUTES: "1" },
    timeout: 20 * 60_000,
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
  return (performance.now() - t) / 1000;
}

function listens(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(null));
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address() as net.AddressInfo;
      server.close(() => resolve(bound));
    });
  });
}

/** A free port on 127.0.0.1: the first free one of BENCH_PORTS=FIRST-LAST when set (shared machines), else any. */
async function freePort(): Promise<number> {
  const range = process.env.BENCH_PORTS;
  if (!range) {
    const port = await listens(0);
    if (port === null) throw new Error("No free port");
    return port;
  }
  const [first, last] = range.split("-").map(Number) as [number, number];
  for (let port = first; port <= last; port++) if ((await listens(port)) !== null) return port;
  throw new Error(`No free port in BENCH_PORTS=${range}`);
}

export type TServer = { proc: ChildProcess; base: string; secret: string; pid: number };

const stopping = new WeakSet<ChildProcess>();

export async function startServer(databaseUrl: string, logFile: string, cpuProfDir?: string): Promise<TServer> {
  const port = await freePort();
  // The server's own output goes to a file: wrk abandons in-flight requests at its deadline, which the app logs.
  const log = openSync(logFile, "w");
  const base = `http://127.0.0.1:${port}`;
  const secret = randomBytes(32).toString("base64url");
  const nodeArgs = cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : [];
  const proc = spawn(process.execPath, [...nodeArgs, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      BENCH_ROUTES: "1",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", log, log],
    detached: true,
  });
  closeSync(log);
  proc.on("exit", (code, signal) => {
    if (!stopping.has(proc)) console.error(`\n!! The server (pid ${proc.pid}) exited on its own: code ${code}, signal ${signal}; see ${logFile}`);
  });
  const server = { proc, base, secret, pid: proc.pid! };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`next start exited with code ${proc.exitCode}; see ${logFile}`);
    try {
      const r = await get(`${base}/api/auth/csrf`, "");
      if (r.status === 200) return server;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  await stopServer(server);
  throw new Error("The server did not answer within 90 s");
}

export async function stopServer(server: TServer): Promise<void> {
  stopping.add(server.proc);
  if (server.proc.exitCode !== null || server.proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => server.proc.once("exit", () => r()));
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    return;
  }
  const timeout = sleep(15_000).then(() => "timeout");
  if ((await Promise.race([exited.then(() => "ok"), timeout])) === "timeout") {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** Resident memory of the server and all its descendants, in bytes. */
export function treeRss(rootPid: number): number {
  let total = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // exited meanwhile
    }
  }
  return total;
}
