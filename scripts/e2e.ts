// End-to-end run: production build, a fresh migrated + seeded SQLite file, `next start` on a free port,
// then Playwright driving Debian's Chromium.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { CHROMIUM_PATH } from "../e2e/browser";

const ROOT = path.resolve(__dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, env, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed with exit code ${r.status}`);
}

async function waitForServer(url: string, server: ChildProcess, timeoutMs = 60_000): Promise<void> {
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

async function main() {
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`Chromium was not found at ${CHROMIUM_PATH}. Install Debian's build: apt-get install -y chromium`);
    process.exit(1);
  }
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), "credibility-e2e-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: `file:${path.join(dir, "e2e.db")}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: baseURL,
    SEED_DEMO: "1",
    PORT: String(port),
    E2E_BASE_URL: baseURL,
    NEXT_SKIP_TYPECHECK: process.env.NEXT_SKIP_TYPECHECK ?? "1",
  };
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  if (process.env.E2E_SKIP_BUILD !== "1") run(npx, ["next", "build"], env);
  run(npx, ["tsx", "scripts/prepare.ts"], env);
  const server = spawn(npx, ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  let code = 1;
  try {
    await waitForServer(baseURL, server);
    const r = spawnSync(npx, ["playwright", "test", ...process.argv.slice(2)], { cwd: ROOT, env, stdio: "inherit" });
    code = r.status ?? 1;
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(code);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
