import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { applyConnectionPragmas, SQLITE_SYNCHRONOUS_FULL } from "./pragmas";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("connection pragmas", () => {
  it("sync every commit to disk (power-cut durability) in WAL mode with foreign keys", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "pragmas-"));
    dirs.push(dir);
    const db = new Database(path.join(dir, "t.db"));
    applyConnectionPragmas(db);
    expect(db.pragma("synchronous", { simple: true })).toBe(SQLITE_SYNCHRONOUS_FULL);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    db.close();
  });
});
