// The production app as an operator runs it, for scripts that test it from outside: one build, a fresh database
// migrated and seeded with the demo accounts, and any number of `npm start` processes serving it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import { freePort, ROOT, run } from "../lib/app-server";
import { createTestDatabase, type TDatabaseKind, type TTestDatabase } from "./test-database";

const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

export const DEMO_PASSWORD = "credibility-demo";

/** The environment every instance shares: the database, the secret, production mode, the demo accounts. */
function sharedEnv(databaseUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    SEED_DEMO: "1",
    NEXT_SKIP_TYPECHECK: process.env.NEXT_SKIP_TYPECHECK ?? "1",
  };
  // Each instance answers on its own address; one public URL would make the other's requests cross-origin.
  for (const key of ["NEXTAUTH_URL", "HOST", "PORT", "E2E_SERVER_PID"]) delete env[key];
  return env;
}

/** `next build` into the project's .next, unless SKIP_BUILD=1 says the current build is to be used. */
export function buildUnlessSkipped(): void {
  if (process.env.SKIP_BUILD === "1") return;
  run(npx, ["next", "build"], { ...process.env, NODE_ENV: "production", NEXT_SKIP_TYPECHECK: process.env.NEXT_SKIP_TYPECHECK ?? "1" });
}

export type TTestApp = { database: TTestDatabase; env: NodeJS.ProcessEnv };

/** A fresh database of `kind`, migrated and seeded (the three articles, the demo accounts). */
export async function prepareTestApp(kind: TDatabaseKind, label: string): Promise<TTestApp> {
  const database = await createTestDatabase(kind, label);
  const env = sharedEnv(database.url);
  try {
    run(npx, ["tsx", "scripts/prepare.ts"], env);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return { database, env };
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/**
 * `count` free ports: from TEST_PORT_RANGE ("3430-3449") when set, so that runs on a shared machine stay within the
 * ports they were given; otherwise whatever the system hands out.
 */
export async function serverPorts(count: number): Promise<number[]> {
  const range = process.env.TEST_PORT_RANGE?.match(/^(\d+)-(\d+)$/);
  if (!range) return Promise.all(Array.from({ length: count }, () => freePort()));
  const ports: number[] = [];
  for (let p = Number(range[1]); p <= Number(range[2]) && ports.length < count; p++) {
    if (await portIsFree(p)) ports.push(p);
  }
  if (ports.length < count) throw new Error(`TEST_PORT_RANGE ${range[0]} has fewer than ${count} free ports`);
  return ports;
}

export type TInstance = { name: string; port: number; baseURL: string; proc: ChildProcess };

/**
 * `npm start` on 127.0.0.1:`port`, in a process group of its own so that stopping it (or killing it, to simulate a
 * crash) reaches the server under npm, tsx and scripts/start.ts. Its output is shown prefixed with `name`.
 */
export function startInstance(app: TTestApp, name: string, port: number): TInstance {
  const proc = spawn(npm, ["start"], {
    cwd: ROOT,
    env: { ...app.env, HOST: "127.0.0.1", PORT: String(port) },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [proc.stdout!, proc.stderr!]) {
    let rest = "";
    stream.on("data", (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split("\n");
      rest = lines.pop()!;
      for (const line of lines) if (line.trim()) console.log(`[${name}] ${line}`);
    });
  }
  return { name, port, baseURL: `http://127.0.0.1:${port}`, proc };
}

/** Signals the instance's whole process group and waits (up to 15 s) for `npm start` to exit. */
export async function stopInstance(instance: TInstance, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  const { proc } = instance;
  const running = proc.exitCode === null && proc.signalCode === null;
  const exited = running ? new Promise<void>((resolve) => proc.once("exit", () => resolve())) : Promise.resolve();
  const signalGroup = (s: NodeJS.Signals) => {
    try {
      process.kill(-proc.pid!, s);
    } catch {
      // the group is already gone
    }
  };
  signalGroup(signal);
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
  // Whatever is left of the group: npm can exit before the server under it.
  signalGroup("SIGKILL");
}
