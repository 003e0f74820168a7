// End-to-end run: production build, a fresh migrated + seeded database, `next start` on a free port, then
// Playwright driving Debian's Chromium. The database is a temporary SQLite file, or with `--db postgresql` a new
// database on the server TEST_POSTGRES_URL names (dropped afterwards). Other arguments go to Playwright.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CHROMIUM_PATH } from "../e2e/browser";
import { createDatabase, dropDatabases } from "../test/support/postgres";
import { cleanup, prepareApp, ROOT, startServer, stopServer, waitForServer } from "./lib/app-server";

function parseDatabase(args: string[]): { database: "sqlite" | "postgresql"; playwrightArgs: string[] } {
  const at = args.indexOf("--db");
  if (at < 0) return { database: "sqlite", playwrightArgs: args };
  const database = args[at + 1];
  if (database !== "sqlite" && database !== "postgresql") throw new Error("--db takes sqlite or postgresql");
  return { database, playwrightArgs: [...args.slice(0, at), ...args.slice(at + 2)] };
}

async function main() {
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`Chromium was not found at ${CHROMIUM_PATH}. Install Debian's build: apt-get install -y chromium`);
    process.exit(1);
  }
  const { database, playwrightArgs } = parseDatabase(process.argv.slice(2));
  const prefix = `sourcing_e2e_${process.pid}_`;
  const databaseUrl = database === "postgresql" ? await createDatabase(`${prefix}app`) : undefined;
  let code = 1;
  try {
    const app = await prepareApp({ build: process.env.E2E_SKIP_BUILD !== "1", databaseUrl });
    const server = startServer(app);
    try {
      await waitForServer(app.baseURL, server);
      const npx = process.platform === "win32" ? "npx.cmd" : "npx";
      const r = spawnSync(npx, ["playwright", "test", ...playwrightArgs], {
        cwd: ROOT,
        env: { ...app.env, E2E_BASE_URL: app.baseURL, E2E_SERVER_PID: String(server.pid ?? "") },
        stdio: "inherit",
      });
      code = r.status ?? 1;
    } finally {
      await stopServer(server);
      cleanup(app);
    }
  } finally {
    if (databaseUrl) await dropDatabases(prefix);
  }
  process.exit(code);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
