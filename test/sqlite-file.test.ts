// SQLite's own machinery on the app's database file: WAL mode, pragmas and the background WAL checkpoints. Left out
// of the PostgreSQL run (vitest.postgresql.config.mts), which has no file, no WAL of ours and no checkpointer.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db/client";
import { sqliteFileFromUrl } from "@/lib/db/url";
import { seedFixtures, sessionUserOf } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let ana: TSessionUser;

beforeAll(async () => {
  fx = await seedFixtures();
  ana = await sessionUserOf(fx.users.ana);
});

describe("database", () => {
  it("runs on WAL with foreign keys and a busy timeout", async () => {
    const db = new Database(sqliteFileFromUrl(process.env.DATABASE_URL!), { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
    const [fk] = await getDb().$queryRawUnsafe<Array<{ foreign_keys: bigint }>>("PRAGMA foreign_keys");
    expect(Number(fk!.foreign_keys)).toBe(1);
  });
});

describe("background WAL checkpoints", () => {
  it("run on a worker thread, so the writer only checkpoints as a backstop", async () => {
    const { checkpointWalNow, writerAutocheckpointPages } = await import("@/lib/db/sqlite-writer");
    const { WRITER_AUTOCHECKPOINT_PAGES } = await import("@/lib/db/wal-checkpointer");
    const { createAnnotation } = await import("@/lib/annotations/create-annotation");
    const article = fx.articles[2]!;
    for (let i = 0; i < 5; i++) await createAnnotation(ana, article.id, { start: i, end: i + 9, tag: "opinion" });
    expect(writerAutocheckpointPages()).toBe(WRITER_AUTOCHECKPOINT_PAGES);
    const result = await checkpointWalNow();
    expect(result).not.toBeNull();
    expect(result!.busy).toBe(0);
    expect(result!.log).toBeGreaterThan(0);
    expect(result!.checkpointed).toBe(result!.log);
  });

  it("report a worker that cannot start, so the writer can checkpoint on its own again", async () => {
    const { startWalCheckpointer } = await import("@/lib/db/wal-checkpointer");
    const failure = await new Promise<unknown>((resolve) => {
      startWalCheckpointer("/nonexistent/dir/app.db", resolve, 10);
    });
    expect(String(failure)).toMatch(/unable to open|directory does not exist|SQLITE_CANTOPEN/i);
  });
});
