// `npm start`, the production command, run for real against the e2e build and a database of its own: where it
// listens, what it seeds, and how it stops.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { freePort } from "../scripts/lib/app-server";

test.describe.configure({ timeout: 120_000 });

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

type Started = { proc: ChildProcess; port: number; dir: string; output: () => string; exited: Promise<number | null> };

/** `npm start` as an operator types it: no NODE_ENV, no SEED_DEMO, a HOSTNAME the shell set. */
async function npmStart(extra: Record<string, string>): Promise<Started> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "credibility-start-"));
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${path.join(dir, "app.db")}`, PORT: String(port), HOSTNAME: "0.0.0.0" };
  for (const key of ["NODE_ENV", "SEED_DEMO", "NEXTAUTH_URL", "HOST", "E2E_SERVER_PID"]) delete env[key];
  Object.assign(env, extra);
  // Its own process group, so that a failing test can still stop everything it started.
  const proc = spawn(npm, ["start"], { cwd: path.resolve(__dirname, ".."), env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  proc.stdout!.on("data", (d) => (out += d));
  proc.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  return { proc, port, dir, output: () => out, exited };
}

/** The exit code, or "still running" after `ms`: a test must reach its cleanup even when the command never exits. */
function exitWithin(s: Started, ms: number): Promise<number | null | "still running"> {
  return Promise.race([s.exited, new Promise<"still running">((r) => setTimeout(() => r("still running"), ms))]);
}

async function waitUntilServing(s: Started) {
  await expect.poll(() => (s.proc.exitCode === null ? listeningOn(s.port).length : -1), { timeout: 90_000, intervals: [300] }).toBeGreaterThan(0);
}

/** Kills whatever is left of the command's process group (a server its shell orphaned, say). */
async function stop(s: Started) {
  try {
    if (s.proc.pid) process.kill(-s.proc.pid, "SIGKILL");
  } catch {
    // nothing left
  }
  rmSync(s.dir, { recursive: true, force: true });
}

/** The local addresses with a TCP socket listening on `port` (Linux: /proc/net/tcp and tcp6). */
function listeningOn(port: number): string[] {
  const found: string[] = [];
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let table = "";
    try {
      table = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of table.trim().split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [addr, hexPort] = local!.split(":");
      if (state !== "0A" || parseInt(hexPort!, 16) !== port) continue;
      found.push(addr!.length === 8 ? addr!.match(/../g)!.reverse().map((b) => parseInt(b, 16)).join(".") : ipv6(addr!));
    }
  }
  return found.sort();
}

function ipv6(hex: string): string {
  if (/^0+$/.test(hex)) return "::";
  if (hex === "00000000000000000000000001000000") return "::1";
  return `ipv6:${hex}`;
}

/** Whether a TCP connection to host:port is accepted. */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 3000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

const externalIPv4 = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === "IPv4" && !i.internal)?.address;

test("npm start listens on loopback only by default, seeds no demo accounts, and stops on SIGTERM", async () => {
  const s = await npmStart({});
  try {
    await waitUntilServing(s);
    expect(listeningOn(s.port)).toEqual(["127.0.0.1"]);
    expect(s.output()).toContain(`Serving http://127.0.0.1:${s.port} on this machine only`);
    expect(await connects("127.0.0.1", s.port)).toBe(true);
    if (externalIPv4) expect(await connects(externalIPv4, s.port)).toBe(false);

    const db = new Database(path.join(s.dir, "app.db"), { readonly: true });
    const users = db.prepare("SELECT COUNT(*) AS n FROM User").get() as { n: number };
    db.close();
    expect(users.n, "a production start creates no accounts with the published demo password").toBe(0);

    // A process manager signals the command it started; the server itself must stop and free the port.
    process.kill(s.proc.pid!, "SIGTERM");
    expect(await exitWithin(s, 30_000)).toBe(143);
    await expect.poll(() => listeningOn(s.port)).toEqual([]);
  } finally {
    await stop(s);
  }
});

test("HOST=0.0.0.0 npm start listens on every interface", async () => {
  const s = await npmStart({ HOST: "0.0.0.0" });
  try {
    await waitUntilServing(s);
    expect(listeningOn(s.port)).toEqual(["0.0.0.0"]);
    if (externalIPv4) expect(await connects(externalIPv4, s.port)).toBe(true);
    process.kill(s.proc.pid!, "SIGTERM");
    expect(await exitWithin(s, 30_000)).toBe(143);
  } finally {
    await stop(s);
  }
});

test("npm start refuses a malformed HOST or PORT before touching the database", async () => {
  const malformed: Array<Record<string, string>> = [{ HOST: "http://0.0.0.0" }, { PORT: "80abc" }];
  for (const extra of malformed) {
    const s = await npmStart(extra);
    try {
      expect(await exitWithin(s, 40_000)).toBe(1);
      expect(s.output()).toMatch(/(HOST|PORT) must be/);
      expect(() => readFileSync(path.join(s.dir, "app.db"))).toThrow();
    } finally {
      await stop(s);
    }
  }
});
