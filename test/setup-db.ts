import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { inject } from "vitest";

// Each test file gets a fresh, migrated, real SQLite database (a copy of the template).
const template = inject("templateDb");
const dir = mkdtempSync(path.join(os.tmpdir(), "credibility-testdb-"));
const file = path.join(dir, "test.db");
const source = new Database(template, { readonly: true });
await source.backup(file);
source.close();
process.env.DATABASE_URL = `file:${file}`;
process.env.NEXTAUTH_SECRET ??= "test-secret-not-used-outside-tests-0123456789";
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
