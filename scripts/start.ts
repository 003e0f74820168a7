// `npm start`: the production command. Prepares the database (migrations; the seed on an empty one), then runs
// `next start` bound to HOST:PORT (scripts/lib/listen-address.ts), forwarding stop signals and exiting with the
// server's code so a process manager sees what happened.
import { spawn, spawnSync } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";
import { loadProjectEnv, ROOT } from "./env";
import { describeAddress, listenAddress, nextStartArgs } from "./lib/listen-address";

const FORWARDED: NodeJS.Signals[] = ["SIGTERM", "SIGINT", "SIGHUP"];

function main(): void {
  // Both the preparation and the server run as production: no demo accounts unless SEED_DEMO=1.
  Object.assign(process.env, { NODE_ENV: "production" });
  loadProjectEnv();
  const address = listenAddress(process.env);

  const prepared = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/prepare.ts"], {
    cwd: ROOT,
    env: process.env,
    stdio: "inherit",
  });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);

  console.log(`• ${describeAddress(address)}`);
  // Node runs next's CLI directly (not through npx), so the signals below reach the server itself.
  const server = spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), ...nextStartArgs(address)], {
    cwd: ROOT,
    env: process.env,
    stdio: "inherit",
  });
  for (const signal of FORWARDED) process.on(signal, () => server.kill(signal));
  server.on("error", (error) => {
    console.error(`Could not start next: ${error.message}`);
    process.exit(1);
  });
  server.on("exit", (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
