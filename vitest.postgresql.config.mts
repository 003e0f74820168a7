import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.config.mts";

// The same suite on PostgreSQL (TEST_DATABASE=postgresql, server at TEST_POSTGRES_URL), plus the tests of
// PostgreSQL's own machinery (*.postgresql.test.ts). Only tests of SQLite's own machinery are left out here, each
// named with the reason; everything else runs on both databases.
const SQLITE_ONLY: Record<string, string> = {
  "test/sqlite-file.test.ts": "WAL mode, pragmas and WAL checkpoints of the app's SQLite file",
  "test/group-commit.test.ts": "the group commit of SQLite's single writer (PostgreSQL commits each create on its own)",
  "test/query-plans.test.ts": "SQLite's EXPLAIN QUERY PLAN (PostgreSQL's plans: query-plans.postgresql.test.ts)",
  "test/schema-change-lock.test.ts": "a migration's exclusive lock on the SQLite file, which needs the app stopped",
  "lib/db/sqlite-export.test.ts": "timestamp forms that only SQLite's untyped columns can hold",
  "lib/db/pragmas.test.ts": "SQLite connection pragmas, on a file of its own",
  "lib/db/backup.test.ts": "SQLite's online backup API, on a file of its own",
};

// Not mergeConfig: it would append to the SQLite run's exclude list, which leaves out *.postgresql.test.ts.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    exclude: [...configDefaults.exclude, ...Object.keys(SQLITE_ONLY)],
  },
});
