import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "../lib/db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}

// Migrate one real SQLite file once; every test file works on its own copy of it.
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "credibility-test-"));
  const templateDb = path.join(dir, "template.db");
  await migrateDatabase(`file:${templateDb}`);
  project.provide("templateDb", templateDb);
  return () => rmSync(dir, { recursive: true, force: true });
}
