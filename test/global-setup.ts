import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../lib/db/migrations";
import { createDatabase, dropDatabases } from "./support/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** "sqlite": a migrated file to copy; "postgresql": a migrated database to use as a template. */
    testDatabase: { provider: "sqlite" | "postgresql"; template: string; prefix: string };
  }
}

// Migrate one real database once; every test file works on its own copy of it. TEST_DATABASE=postgresql runs the
// suite on PostgreSQL (TEST_POSTGRES_URL), otherwise on SQLite.
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE === "postgresql") {
    const prefix = `sourcing_test_${process.pid}_`;
    const template = `${prefix}template`;
    await migrateDatabase(await createDatabase(template));
    project.provide("testDatabase", { provider: "postgresql", template, prefix });
    return () => dropDatabases(prefix);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "credibility-test-"));
  const template = path.join(dir, "template.db");
  await migrateDatabase(`file:${template}`);
  project.provide("testDatabase", { provider: "sqlite", template, prefix: "" });
  return () => rmSync(dir, { recursive: true, force: true });
}
