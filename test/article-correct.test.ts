// Correcting an article's text: annotations follow their passages onto the new text or are orphaned and listed,
// never silently moved; scores, exports and the earlier version follow.
import { beforeAll, describe, expect, it } from "vitest";
import * as bodyRoute from "@/app/api/articles/[id]/body/route";
import * as orphansRoute from "@/app/api/articles/[id]/orphans/route";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import * as reviewsRoute from "@/app/api/annotations/[id]/reviews/route";
import * as restoreRoute from "@/app/api/annotations/[id]/restore/route";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import { codePointLength, sliceCodePoints } from "@/lib/anchoring/code-points";
import { getDb } from "@/lib/db/client";
import { consensusSpans } from "@/lib/scoring/consensus";
import { call, seedFixtures } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  fx = await seedFixtures();
});

async function annotate(articleId: string, body: string, quote: string, user = fx.users.ana, tag = "anonymous-source") {
  const u = body.indexOf(quote);
  const start = codePointLength(body.slice(0, u));
  const r = await call(annotationsRoute.POST, "POST", "/x", { id: articleId }, { user, body: { start, end: start + codePointLength(quote), tag } });
  expect(r.status).toBe(201);
  return r.json.id as string;
}

const correct = (id: string, body: unknown, user = fx.users.ben) => call(bodyRoute.PUT, "PUT", `/api/articles/${id}/body`, { id }, { user, body });

describe("PUT /api/articles/{id}/body", () => {
  it("re-anchors every annotation, orphans the one whose quote is gone, keeps reviews, versions the text", async () => {
    const article = fx.articles.find((a) => a.outlet === "Fox News Digital")!;
    const anonymous = "according to a Wall Street Journal report based on information from people familiar with the matter";
    const condition = "those who spoke on condition of anonymity";
    const kept = await annotate(article.id, article.body, condition);
    const gone = await annotate(article.id, article.body, anonymous, fx.users.ben);
    const deleted = await annotate(article.id, article.body, "the Associated Press reported", fx.users.ana, "official-statement");
    await call(annotationRoute.DELETE, "DELETE", "/x", { id: deleted }, { user: fx.users.ana });
    await call(reviewsRoute.POST, "POST", "/x", { id: kept }, { user: fx.users.ben, body: { verdict: "agree" } });

    const note = "Correction, April 11: an earlier version misstated the date of the meeting.\n\n";
    const corrected = note + article.body.replace(anonymous, "according to the Wall Street Journal");
    const r = await correct(article.id, { body: corrected });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ version: 2, reanchored: 2, orphaned: [gone] });

    const db = getDb();
    const rows = await db.annotation.findMany({ where: { articleId: article.id }, include: { reviews: true } });
    const keptRow = rows.find((a) => a.id === kept)!;
    expect(sliceCodePoints(corrected, keptRow.start, keptRow.end)).toBe(condition);
    expect(keptRow.quote).toBe(condition);
    expect(keptRow.reviews).toHaveLength(1);
    expect(keptRow.status).toBe("accepted");
    // The deleted one moved too, so that a restore puts it back on the new text.
    const deletedRow = rows.find((a) => a.id === deleted)!;
    expect(sliceCodePoints(corrected, deletedRow.start, deletedRow.end)).toBe("the Associated Press reported");
    expect((await call(restoreRoute.POST, "POST", "/x", { id: deleted }, { user: fx.users.ana })).status).toBe(200);

    // The orphan is listed, not counted, and cannot be restored onto a text that lacks it.
    const orphans = await call(orphansRoute.GET, "GET", "/x", { id: article.id }, { user: fx.users.cara });
    expect(orphans.json.orphans).toEqual([expect.objectContaining({ id: gone, quote: anonymous, orphanedAt: expect.any(String) })]);
    expect((await call(restoreRoute.POST, "POST", "/x", { id: gone }, { user: fx.users.ben })).json.error.code).toBe("CONFLICT");
    const listed = await call(annotationsRoute.GET, "GET", "/x", { id: article.id }, { user: fx.users.cara });
    expect(listed.json.annotations.map((a: { id: string }) => a.id).sort()).toEqual([kept, deleted].sort());

    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect({ version: stored.version, body: stored.body, length: stored.bodyLength, count: stored.annotationCount }).toEqual({ version: 2, body: corrected, length: codePointLength(corrected), count: 2 });
    const live = rows.filter((a) => a.id !== gone && a.status !== "rejected");
    const anonymousLive = live.filter((a) => a.tag === "anonymous_source").map((a) => ({ ...a, tag: "anonymous-source" as const }));
    expect(stored.consensusAnonymous).toBe(consensusSpans(anonymousLive).length);
    const earlier = await db.articleVersion.findUniqueOrThrow({ where: { articleId_version: { articleId: article.id, version: 1 } } });
    expect(earlier).toMatchObject({ body: article.body, replacedById: fx.users.ben.id });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "article.correct", entityId: article.id } });
    expect(JSON.parse(audit.after!)).toMatchObject({ version: 2, reanchored: 2, orphaned: [gone] });
  });

  it("refuses the same text, another article's text, bad input and other teams, changing nothing", async () => {
    const article = fx.articles.find((a) => a.outlet !== "Fox News Digital")!;
    const other = fx.articles.find((a) => a.id !== article.id && a.outlet !== "Fox News Digital")!;
    const before = await getDb().article.findMany({ orderBy: { id: "asc" } });
    const cases: [unknown, number, string][] = [
      [{ body: article.body }, 409, "CONFLICT"],
      [{ body: other.body }, 409, "DUPLICATE_ARTICLE"],
      [{ body: "   " }, 400, "INVALID_INPUT"],
      [{}, 400, "INVALID_INPUT"],
      [{ body: "x", title: "y" }, 400, "INVALID_INPUT"],
    ];
    for (const [body, status, code] of cases) {
      const r = await correct(article.id, body);
      expect({ body, status: r.status, code: r.json.error.code }).toEqual({ body, status, code });
    }
    expect((await correct(fx.otherArticle.id, { body: "new" }, fx.users.admin)).status).toBe(404);
    expect((await correct(article.id, { body: "new" }, fx.users.cara)).status).toBe(403);
    expect(await getDb().article.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await getDb().articleVersion.count({ where: { articleId: article.id } })).toBe(0);
  });
});
