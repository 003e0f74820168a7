// Group commit on the synchronous writer (lib/db/group-commit.ts): the writes of one event-loop turn share a
// transaction, each in its own savepoint, against a real SQLite file.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import type { TSessionUser } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db/client";
import { MAX_WRITES_PER_COMMIT, writerStats, writeTransaction } from "@/lib/db/group-commit";
import type { TWriter } from "@/lib/db/sqlite-writer";
import { databaseUrl, sqliteFileFromUrl } from "@/lib/db/url";
import { seedFixtures, sessionUserOf } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let ana: TSessionUser;

beforeAll(async () => {
  fx = await seedFixtures();
  ana = await sessionUserOf(fx.users.ana);
});

const auditEvent = (w: TWriter, id: string) =>
  w.insertAuditEvent({ id, teamId: ana.teamId, actorId: ana.id, action: "test.event", entityType: "Test", entityId: id, before: null, after: null });

describe("group commit", () => {
  it("commits creates requested together in one transaction, and stores every one", async () => {
    const { createAnnotation } = await import("@/lib/annotations/create-annotation");
    const article = fx.articles[0]!;
    const before = writerStats();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createAnnotation(ana, article.id, { start: i * 3, end: i * 3 + 7, tag: "opinion", note: `batch ${i}` })),
    );
    const after = writerStats();
    expect(after.writes - before.writes).toBe(20);
    expect(after.transactions - before.transactions).toBe(1);
    expect(results.every((r) => r.created)).toBe(true);
    const stored = await getDb().annotation.findMany({ where: { articleId: article.id, note: { startsWith: "batch " } } });
    expect(stored.map((a) => a.id).sort()).toEqual(results.map((r) => r.annotation.id).sort());
    expect(await getDb().auditEvent.count({ where: { entityId: { in: stored.map((a) => a.id) } } })).toBe(20);
    const cached = await getDb().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(cached.annotationCount).toBe(await getDb().annotation.count({ where: { articleId: article.id } }));
  });

  it("rolls back a write that throws, alone: its batch-mates are kept and each caller gets its own answer", async () => {
    const { createAnnotation } = await import("@/lib/annotations/create-annotation");
    const article = fx.articles[1]!;
    const before = writerStats();
    const outcomes = await Promise.allSettled([
      createAnnotation(ana, article.id, { start: 0, end: 12, tag: "official-statement", note: "kept 1" }),
      writeTransaction((w) => {
        auditEvent(w, "rolled-back-event");
        throw new Error("boom after a write");
      }),
      createAnnotation(ana, article.id, { start: 0, end: article.bodyLength + 1, tag: "opinion" }),
      createAnnotation(ana, article.id, { start: 20, end: 40, tag: "anonymous-source", note: "kept 2" }),
    ]);
    expect(writerStats().transactions - before.transactions).toBe(1);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled"]);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ message: "boom after a write" });
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ status: 400, code: "OUT_OF_RANGE" });
    expect(await getDb().auditEvent.count({ where: { id: "rolled-back-event" } })).toBe(0);
    expect(await getDb().annotation.count({ where: { articleId: article.id, note: { in: ["kept 1", "kept 2"] } } })).toBe(2);
  });

  it("splits a burst into commits of at most MAX_WRITES_PER_COMMIT writes", async () => {
    const n = MAX_WRITES_PER_COMMIT + 50;
    const before = writerStats();
    await Promise.all(Array.from({ length: n }, (_, i) => writeTransaction((w) => auditEvent(w, `burst-${i}`))));
    const after = writerStats();
    expect(after.writes - before.writes).toBe(n);
    expect(after.transactions - before.transactions).toBe(2);
    expect(await getDb().auditEvent.count({ where: { id: { startsWith: "burst-" } } })).toBe(n);
  });

  it("waits for another process's write lock, then commits the whole batch, without stalling the event loop", async () => {
    const other = new Database(sqliteFileFromUrl(databaseUrl()));
    other.prepare("BEGIN IMMEDIATE").run();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    setTimeout(() => other.prepare("COMMIT").run(), 150);
    try {
      const ids = ["waited-1", "waited-2", "waited-3"];
      await Promise.all(ids.map((id) => writeTransaction((w) => auditEvent(w, id))));
      expect(ticks).toBeGreaterThan(5);
      expect(await getDb().auditEvent.count({ where: { id: { in: ids } } })).toBe(3);
    } finally {
      clearInterval(ticker);
      other.close();
    }
  });
});
