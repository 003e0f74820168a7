import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./e2e/browser";

// Started by scripts/e2e.ts, which builds the app, serves it on a free port and sets E2E_BASE_URL. The tests tagged
// @smoke (log in, annotate with the mouse, review as a teammate, export CSV) are the run on PostgreSQL:
// `npm run test:e2e:postgresql` is `scripts/e2e.ts --db postgresql --grep @smoke`.
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000",
    headless: true,
    viewport: { width: 1360, height: 900 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    trace: "off",
    screenshot: "only-on-failure",
  },
});
