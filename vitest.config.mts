import path from "node:path";
import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

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
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "test/**/*.test.ts", "scripts/**/*.test.ts"],
    // *.postgresql.test.ts test PostgreSQL's own machinery or need a server whatever the run's database (they make
    // their own databases on TEST_POSTGRES_URL's server): they run only in the PostgreSQL run
    // (vitest.postgresql.config.mts), so the SQLite run works without a server.
    exclude: [...configDefaults.exclude, "**/*.postgresql.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-db.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
