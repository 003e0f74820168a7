// Starts the production build on a free port against its own fresh database: used by the end-to-end and
// durability runs (and anything else that needs the real server).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed with exit code ${r.status}`);
}

export type AppEnv = { env: NodeJS.ProcessEnv; baseURL: string; port: number; dir: string; databaseFile: string };

/**
 * A fresh temporary database (a SQLite file, or the empty PostgreSQL database `databaseUrl` names) and the
 * environment to serve it; `build` runs `next build` first.
 */
export async function prepareApp(options: { build: boolean; databaseUrl?: string }): Promise<AppEnv> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "credibility-app-"));
  const databaseFile = path.join(dir, "app.db");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl ?? `file:${databaseFile}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: baseURL,
    SEED_DEMO: "1",
    PORT: String(port),
    NEXT_SKIP_TYPECHECK: process.env.NEXT_SKIP_TYPECHECK ?? "1",
    // The end-to-end tests serve news pages from this loopback address for "Add from a web page".
    ARTICLE_FETCH_ALLOW: process.env.ARTICLE_FETCH_ALLOW ?? "127.0.0.2",
  };
  if (options.build) run(npx, ["next", "build"], env);
  run(npx, ["tsx", "scripts/prepare.ts"], env);
  return { env, baseURL, port, dir, databaseFile };
}

export function startServer(app: AppEnv): ChildProcess {
  // `next start` directly (not `npx`), so that a SIGKILL reaches the server process itself.
  return spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(app.port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: app.env,
    stdio: ["ignore", "inherit", "inherit"],
  });
}

export async function waitForServer(url: string, server: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}`);
    try {
      const res = await fetch(`${url}/login`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The server at ${url} did not answer within ${timeoutMs / 1000}s`);
}

export async function stopServer(server: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  server.kill(signal);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

export function cleanup(app: AppEnv): void {
  rmSync(app.dir, { recursive: true, force: true });
}
