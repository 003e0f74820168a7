import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));
// Tests that need a PostgreSQL server whichever database the run uses (they make their own databases on
// TEST_POSTGRES_URL's server): part of the PostgreSQL run only, so the SQLite run works without a server.
const POSTGRES_SERVER_TESTS = ["test/scripts-postgresql.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside Next's server bundle; in tests the server is the test process.
      "server-only": path.join(root, "test/server-only-stub.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: [...configDefaults.exclude, ...(process.env.TEST_DATABASE === "postgresql" ? [] : POSTGRES_SERVER_TESTS)],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-db.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
