import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { inject } from "vitest";
import { createDatabase } from "./postgres";

/** A fresh, migrated, empty database of the run's kind (a copy of its template); returns its URL. */
export async function copyTemplateDatabase(): Promise<string> {
  const testDatabase = inject("testDatabase");
  if (testDatabase.provider === "postgresql") {
    return createDatabase(`${testDatabase.prefix}${randomBytes(6).toString("hex")}`, testDatabase.template);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "credibility-testdb-"));
  const file = path.join(dir, "test.db");
  const source = new Database(testDatabase.template, { readonly: true });
  await source.backup(file);
  source.close();
  return `file:${file}`;
}
