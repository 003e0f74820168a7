import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.mts";

// The same suite on PostgreSQL (TEST_DATABASE=postgresql, server at TEST_POSTGRES_URL). Only tests of SQLite's own
// machinery are left out here, each named with the reason; everything else runs on both databases.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: ["**/node_modules/**"],
    },
  }),
);
