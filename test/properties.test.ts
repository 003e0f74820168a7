// Property-based: random and hostile input to the write routes always gets a 2xx or a clean 4xx — never a
// 500 — and the database keeps every invariant afterwards.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as reviewsRoute from "@/app/api/annotations/[id]/reviews/route";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import * as articlesRoute from "@/app/api/articles/route";
import * as importArticlesRoute from "@/app/api/import/articles/route";
import * as importAnnotationsRoute from "@/app/api/import/annotations/route";
import { sliceCodePoints } from "@/lib/anchoring/code-points";
import { getDb } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/url";
import { call, seedFixtures } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  fx = await seedFixtures();
});

const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constantFrom("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "=HYPERLINK(\"http://x\")", "\u0000", "😀".repeat(50), "\r\n\t", "'; DROP TABLE Annotation; --"),
);
const anyInt = fc.oneof(fc.integer({ min: -5, max: 6000 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 2 ** 31, 1e21));
const anyTag = fc.oneof(fc.constantFrom("anonymous-source", "official-statement", "opinion"), fc.string({ maxLength: 20 }));
const anyValue = fc.oneof(anyInt, anyTag, hostileText, fc.constant(null), fc.boolean(), fc.double(), fc.array(fc.integer(), { maxLength: 3 }));

function expectClean(status: number, json: any) {
  expect(status).not.toBe(500);
  expect(status < 300 || (status >= 400 && status < 500)).toBe(true);
  if (status >= 400) expect(json.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
}

describe("hostile input", () => {
  it("annotation create answers 2xx or a clean 4xx", async () => {
    const article = fx.articles[0]!;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ start: anyValue, end: anyValue, tag: anyTag, note: fc.option(hostileText), quote: fc.option(hostileText) }, { requiredKeys: [] }),
        fc.constantFrom("ana", "ben", "cara", "olga") as fc.Arbitrary<"ana" | "ben" | "cara" | "olga">,
        async (body, who) => {
          const r = await call(annotationsRoute.POST, "POST", "/x", { id: article.id }, { user: fx.users[who], body });
          expectClean(r.status, r.json);
        },
      ),
      { numRuns: 150 },
    );
    // Plausible spans too, so that many of them are actually written.
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: article.bodyLength - 1 }), fc.integer({ min: 1, max: 80 }), anyTag, async (start, len, tag) => {
        const r = await call(annotationsRoute.POST, "POST", "/x", { id: article.id }, { user: fx.users.ana, body: { start, end: start + len, tag } });
        expectClean(r.status, r.json);
      }),
      { numRuns: 150 },
    );
  });

  it("offsets past any article's length answer OUT_OF_RANGE on every database", async () => {
    const article = fx.articles[0]!;
    for (const [start, end] of [[0, Number.MAX_SAFE_INTEGER], [Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER], [2 ** 31 - 1, 2 ** 31], [0, 2 ** 31 - 1], [article.bodyLength, article.bodyLength + 1]]) {
      const r = await call(annotationsRoute.POST, "POST", "/x", { id: article.id }, { user: fx.users.ana, body: { start, end, tag: "anonymous-source" } });
      expect([r.status, r.json.error?.code]).toEqual([400, "OUT_OF_RANGE"]);
    }
  });

  it("malformed bodies answer a clean 4xx", async () => {
    const article = fx.articles[0]!;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), fc.json().map((j) => j)), async (rawBody) => {
        const r = await call(annotationsRoute.POST, "POST", "/x", { id: article.id }, { user: fx.users.ben, rawBody });
        expectClean(r.status, r.json);
      }),
      { numRuns: 100 },
    );
  });

  it("annotation patch and reviews answer 2xx or a clean 4xx", async () => {
    const ids = (await getDb().annotation.findMany({ select: { id: true }, take: 30 })).map((a) => a.id);
    expect(ids.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ids, "missing-id"),
        fc.record({ tag: anyTag, note: hostileText }, { requiredKeys: [] }),
        fc.record({ verdict: fc.oneof(fc.constantFrom("agree", "disagree"), fc.string()), comment: hostileText, suggestedTag: fc.oneof(anyTag, fc.constant(null)) }, { requiredKeys: [] }),
        fc.constantFrom("ana", "ben", "admin", "olga") as fc.Arbitrary<"ana" | "ben" | "admin" | "olga">,
        async (id, patch, review, who) => {
          const p = await call(annotationRoute.PATCH, "PATCH", "/x", { id }, { user: fx.users[who], body: patch });
          expectClean(p.status, p.json);
          const r = await call(reviewsRoute.POST, "POST", "/x", { id }, { user: fx.users[who], body: review });
          expectClean(r.status, r.json);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("article creation answers 2xx or a clean 4xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ title: fc.oneof(hostileText, anyValue), body: fc.oneof(hostileText, anyValue), url: fc.oneof(hostileText, fc.webUrl()), publishedAt: fc.oneof(hostileText, fc.constantFrom("2025-04-10", "2025-13-40", "2025-04")) }, { requiredKeys: [] }),
        async (body) => {
          const r = await call(articlesRoute.POST, "POST", "/api/articles", {}, { user: fx.users.admin, body });
          expectClean(r.status, r.json);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("article and annotation import answer 2xx or a clean 4xx, for JSON, CSV and garbage", async () => {
    const articleLike = fc.record(
      { title: fc.oneof(hostileText, anyValue), body: fc.oneof(hostileText, anyValue), outlet: anyValue, publishedAt: anyValue, story: anyValue },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(articleLike, { maxLength: 4 }).map((items) => ({ body: items })),
          fc.anything().map((value) => ({ body: value })),
          fc.string({ unit: "binary", maxLength: 400 }).map((text) => ({ rawBody: text, headers: { "content-type": "text/csv" } })),
          fc.array(fc.array(hostileText, { maxLength: 5 }), { maxLength: 5 }).map((rows) => ({
            rawBody: ["title,body,outlet", ...rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(","))].join("\r\n"),
            headers: { "content-type": "text/csv" },
          })),
        ),
        fc.constantFrom("admin", "ben", "cara") as fc.Arbitrary<"admin" | "ben" | "cara">,
        async (payload, who) => {
          const r = await call(importArticlesRoute.POST, "POST", "/api/import/articles", {}, { user: fx.users[who], ...payload });
          expectClean(r.status, r.json);
          const a = await call(importAnnotationsRoute.POST, "POST", "/api/import/annotations", {}, { user: fx.users[who], ...payload });
          expectClean(a.status, a.json);
        },
      ),
      { numRuns: 120 },
    );
  });

  it("leaves the database intact and every invariant true", async () => {
    const db = getDb();
    if (databaseProvider() === "sqlite") {
      // SQLite's own check of the file, which two connections (Prisma's and the synchronous writer's) write to.
      const [check] = await db.$queryRawUnsafe<Array<{ integrity_check: string }>>("PRAGMA integrity_check");
      expect(check!.integrity_check).toBe("ok");
    }
    // Every reference holds, on either database.
    const orphans = await db.$queryRawUnsafe<Array<{ n: bigint | number | string }>>(
      `SELECT COUNT(*) AS n FROM "Annotation" an
         LEFT JOIN "Article" ar ON ar."id" = an."articleId" LEFT JOIN "User" u ON u."id" = an."authorId"
        WHERE ar."id" IS NULL OR u."id" IS NULL
       UNION ALL
       SELECT COUNT(*) FROM "Review" r
         LEFT JOIN "Annotation" an ON an."id" = r."annotationId" LEFT JOIN "User" u ON u."id" = r."reviewerId"
        WHERE an."id" IS NULL OR u."id" IS NULL`,
    );
    expect(orphans.map((r) => Number(r.n))).toEqual([0, 0]);
    const articles = await db.article.findMany({ include: { annotations: { include: { reviews: true } } } });
    let annotations = 0;
    for (const article of articles) {
      expect({ id: article.id, count: article.annotationCount }).toEqual({ id: article.id, count: article.annotations.length });
      expect({ title: article.title, length: article.bodyLength }).toEqual({ title: article.title, length: Array.from(article.body).length });
      for (const a of article.annotations) {
        annotations++;
        expect(a.start).toBeGreaterThanOrEqual(0);
        expect(a.start).toBeLessThan(a.end);
        expect(a.end).toBeLessThanOrEqual(article.bodyLength);
        expect(a.quote).toBe(sliceCodePoints(article.body, a.start, a.end));
        const reviewers = a.reviews.map((r) => r.reviewerId);
        expect(new Set(reviewers).size).toBe(reviewers.length);
        expect(reviewers).not.toContain(a.authorId);
        const agree = a.reviews.filter((r) => r.verdict === "agree").length;
        const disagree = a.reviews.filter((r) => r.verdict === "disagree").length;
        expect([a.agreeCount, a.disagreeCount]).toEqual([agree, disagree]);
        expect(a.status).toBe(agree > disagree ? "accepted" : disagree > agree ? "rejected" : "pending");
      }
    }
    expect(annotations).toBeGreaterThan(50);
  });
});
