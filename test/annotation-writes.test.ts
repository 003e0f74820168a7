// The annotation store's write path (lib/db/store.ts: sqlite-store.ts on SQLite, postgres-store.ts on PostgreSQL)
// against the run's real database: what it stores must be what the Prisma path stores, its score cache must equal a
// full recompute, and it must run beside Prisma transactions safely (SQLite's group commit: group-commit.test.ts).
import { beforeAll, describe, expect, it } from "vitest";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import { withApiTag } from "@/lib/annotations/tags";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db, getDb } from "@/lib/db/client";
import { call, seedFixtures, sessionUserOf } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let ana: TSessionUser;

beforeAll(async () => {
  fx = await seedFixtures();
  ana = await sessionUserOf(fx.users.ana);
});

describe("annotation writes through the store", () => {
  it("store rows Prisma reads back exactly, with the audit event and the score the Prisma refresh computes", async () => {
    const article = fx.articles[0]!;
    const res = await call(annotationsRoute.POST, "POST", "/x", { id: article.id }, {
      user: fx.users.ana,
      body: { start: 10, end: 30, tag: "anonymous-source", note: "who?" },
    });
    expect(res.status).toBe(201);
    const stored = await getDb().annotation.findUniqueOrThrow({ where: { id: res.json.id }, include: { author: true } });
    expect(stored.createdAt.toISOString()).toBe(res.json.createdAt);
    expect(stored.updatedAt.toISOString()).toBe(res.json.updatedAt);
    expect(Math.abs(stored.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(stored).toMatchObject({ note: "who?", status: "pending", agreeCount: 0, author: { email: "ana@example.com" } });
    expect(stored.quote).toBe(Array.from(article.body).slice(10, 30).join(""));
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: stored.id } });
    expect(audit).toMatchObject({ action: "annotation.create", actorId: ana.id, teamId: ana.teamId, before: null });
    expect(JSON.parse(audit.after!)).toMatchObject({ start: 10, end: 30, tag: "anonymous-source", quote: stored.quote });

    const cached = await getDb().article.findUniqueOrThrow({ where: { id: article.id } });
    expect(cached.annotationCount).toBe(await getDb().annotation.count({ where: { articleId: article.id } }));
    const { refreshArticleScore } = await import("@/lib/scoring/refresh-article-score");
    await db.$transaction((tx) => refreshArticleScore(tx, article.id));
    const recomputed = await getDb().article.findUniqueOrThrow({ where: { id: article.id } });
    for (const field of ["annotationCount", "score", "consensusOfficial", "consensusAnonymous", "consensusOpinion"] as const) {
      expect(recomputed[field], field).toBe(cached[field]);
    }
    expect(cached.score).not.toBeNull();

    const again = await call(annotationsRoute.POST, "POST", "/x", { id: article.id }, {
      user: fx.users.ana,
      body: { start: 10, end: 30, tag: "anonymous-source" },
    });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(res.json);
  });

  it("a refused create (bad range, quote mismatch, other team's article) writes nothing", async () => {
    const { createAnnotation } = await import("@/lib/annotations/create-annotation");
    const article = fx.articles[1]!;
    const before = [await getDb().annotation.count(), await getDb().auditEvent.count()];
    await expect(createAnnotation(ana, article.id, { start: 0, end: article.bodyLength + 1, tag: "opinion" })).rejects.toMatchObject({ status: 400 });
    await expect(createAnnotation(ana, article.id, { start: 0, end: 4, tag: "opinion", quote: "nope" })).rejects.toMatchObject({ status: 409 });
    await expect(createAnnotation(ana, fx.otherArticle.id, { start: 0, end: 4, tag: "opinion" })).rejects.toMatchObject({ status: 404 });
    expect([await getDb().annotation.count(), await getDb().auditEvent.count()]).toEqual(before);
  });

  it("runs beside Prisma transactions that read before they write: none refused, none lost (on SQLite: no lost snapshot, no SQLITE_BUSY)", async () => {
    const { createAnnotation } = await import("@/lib/annotations/create-annotation");
    const article = fx.articles[2]!;
    // A Prisma transaction that reads, yields to the event loop, then writes: without the process's write lock a
    // create committed on the other connection in between makes its write fail with SQLITE_BUSY_SNAPSHOT.
    let hasRead!: () => void;
    const readDone = new Promise<void>((r) => (hasRead = r));
    const slowPrismaWrite = db.$transaction(async (tx) => {
      const a = await tx.article.findUniqueOrThrow({ where: { id: article.id } });
      hasRead();
      await new Promise((r) => setTimeout(r, 50));
      await tx.article.update({ where: { id: a.id }, data: { author: "Edited in a slow transaction" } });
    });
    // The creates are asked for while that transaction holds its read snapshot.
    await Promise.race([readDone, new Promise((r) => setTimeout(r, 20))]);
    const creates = Array.from({ length: 20 }, (_, i) => createAnnotation(ana, article.id, { start: 100 + i, end: 120 + i, tag: "opinion" }));
    const results = await Promise.allSettled([slowPrismaWrite, ...creates]);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await getDb().annotation.count({ where: { articleId: article.id, start: { gte: 100, lt: 120 } } })).toBe(20);
    expect((await getDb().article.findUniqueOrThrow({ where: { id: article.id } })).author).toBe("Edited in a slow transaction");
  });
});

describe("incremental score refresh on create", () => {
  it("matches a full recompute after every create, across tags, overlaps and rejected annotations", async () => {
    const { createAnnotation } = await import("@/lib/annotations/create-annotation");
    const { articleScore } = await import("@/lib/scoring/score");
    const created = await getDb().article.create({
      data: { teamId: ana.teamId, title: "Incremental", body: "z".repeat(400), bodyHash: "incremental-score", bodyLength: 400 },
    });
    const tags = ["opinion", "official-statement", "anonymous-source"] as const;
    let seed = 7;
    const next = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let i = 0; i < 45; i++) {
      const start = next(300);
      const { annotation } = await createAnnotation(ana, created.id, { start, end: start + 5 + next(60), tag: tags[next(3)]! });
      // Every few creates a teammate's review rejects one: the incremental path must leave rejected ones out too.
      // (Set here as the review transaction sets it, with the article refreshed in the same transaction.)
      if (i % 9 === 4) {
        const { refreshArticleScore } = await import("@/lib/scoring/refresh-article-score");
        await db.$transaction(async (tx) => {
          await tx.annotation.update({ where: { id: annotation.id }, data: { status: "rejected" } });
          await refreshArticleScore(tx, created.id);
        });
      }
      const all = await getDb().annotation.findMany({ where: { articleId: created.id }, select: { id: true, start: true, end: true, tag: true, status: true } });
      const full = articleScore({ annotations: all.map(withApiTag) });
      const cached = await getDb().article.findUniqueOrThrow({ where: { id: created.id } });
      expect(cached.annotationCount).toBe(all.length);
      expect([cached.consensusOfficial, cached.consensusAnonymous, cached.consensusOpinion]).toEqual([
        full.counts["official-statement"],
        full.counts["anonymous-source"],
        full.counts.opinion,
      ]);
      expect(cached.score).toBeCloseTo(full.score!, 10);
    }
  });
});

describe("quote and context cut by the database", () => {
  it("match textQuoteSelector in code points, with astral characters, combining marks and CRLF", async () => {
    const { createAnnotation } = await import("@/lib/annotations/create-annotation");
    const { textQuoteSelector } = await import("@/lib/anchoring/text-quote");
    const { codePointLength } = await import("@/lib/anchoring/code-points");
    const body = "Officials 😀 said “no” — e\u0301tude\r\nA source, who 🧑🏽‍💻 asked not to be named, 𝔸𝔹ℂ said it would “wait”. ".repeat(3);
    const length = codePointLength(body);
    const article = await getDb().article.create({
      data: { teamId: ana.teamId, title: "Astral", body, bodyHash: "astral-quote", bodyLength: length },
    });
    for (const [start, end] of [[0, 1], [10, 11], [10, 40], [31, 33], [length - 5, length], [50, 120], [1, length - 1]] as const) {
      const { annotation } = await createAnnotation(ana, article.id, { start, end, tag: "anonymous-source" });
      expect({ exact: annotation.quote, prefix: annotation.prefix, suffix: annotation.suffix }, `${start}-${end}`).toEqual(textQuoteSelector(body, start, end));
    }
    await expect(createAnnotation(ana, article.id, { start: 0, end: length + 1, tag: "opinion" })).rejects.toMatchObject({ status: 400 });
  });
});
