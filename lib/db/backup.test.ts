import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { backupDatabase, integrityCheck, restoreDatabase } from "./backup";
import { applyConnectionPragmas } from "./pragmas";

describe("backup and restore", () => {
  it("copies a database consistently while another connection keeps writing, and restores it", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "backup-test-"));
    const file = path.join(dir, "live.db");
    const writer = new Database(file);
    applyConnectionPragmas(writer);
    writer.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL)");
    const insert = writer.prepare("INSERT INTO t (payload) VALUES (?)");
    const many = writer.transaction((n: number) => {
      for (let i = 0; i < n; i++) insert.run("x".repeat(200));
    });
    many(20_000);
    // Keep writing from the event loop while the backup steps through the pages.
    let writing = true;
    let written = 0;
    const loop = (async () => {
      while (writing) {
        many(200);
        written += 200;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const out = path.join(dir, "copy.db");
    const { pages } = await backupDatabase(`file:${file}`, out);
    writing = false;
    await loop;
    expect(pages).toBeGreaterThan(0);
    expect(written).toBeGreaterThan(0);
    expect(integrityCheck(`file:${out}`)).toBe("ok");
    const copy = new Database(out, { readonly: true });
    const copied = (copy.prepare("SELECT COUNT(*) AS n FROM t").get() as { n: number }).n;
    copy.close();
    // One point in time: at least the rows before the backup, every row complete.
    expect(copied).toBeGreaterThanOrEqual(20_000);
    expect(copied % 200).toBe(0);
    writer.close();

    const restoredUrl = `file:${path.join(dir, "restored.db")}`;
    expect(await restoreDatabase(out, restoredUrl)).toBe("ok");
    const restored = new Database(path.join(dir, "restored.db"), { readonly: true });
    expect((restored.prepare("SELECT COUNT(*) AS n FROM t").get() as { n: number }).n).toBe(copied);
    restored.close();
  });
});
