// End-to-end run: production build, a fresh migrated + seeded SQLite file, `next start` on a free port,
// then Playwright driving Debian's Chromium.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CHROMIUM_PATH } from "../e2e/browser";
import { cleanup, prepareApp, ROOT, startServer, stopServer, waitForServer } from "./lib/app-server";

async function main() {
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`Chromium was not found at ${CHROMIUM_PATH}. Install Debian's build: apt-get install -y chromium`);
    process.exit(1);
  }
  const app = await prepareApp({ build: process.env.E2E_SKIP_BUILD !== "1" });
  const server = startServer(app);
  let code = 1;
  try {
    await waitForServer(app.baseURL, server);
    const npx = process.platform === "win32" ? "npx.cmd" : "npx";
    const r = spawnSync(npx, ["playwright", "test", ...process.argv.slice(2)], {
      cwd: ROOT,
      env: { ...app.env, E2E_BASE_URL: app.baseURL, E2E_SERVER_PID: String(server.pid ?? "") },
      stdio: "inherit",
    });
    code = r.status ?? 1;
  } finally {
    await stopServer(server);
    cleanup(app);
  }
  process.exit(code);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
