import { beforeAll, describe, expect, it } from "vitest";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as restoreRoute from "@/app/api/annotations/[id]/restore/route";
import * as reviewsRoute from "@/app/api/annotations/[id]/reviews/route";
import * as agreementRoute from "@/app/api/articles/[id]/agreement/route";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import * as scoreRoute from "@/app/api/articles/[id]/score/route";
import * as suggestionsRoute from "@/app/api/articles/[id]/suggestions/route";
import * as auditRoute from "@/app/api/audit/route";
import * as importAnnotationsRoute from "@/app/api/import/annotations/route";
import * as reviewQueueRoute from "@/app/api/review-queue/route";
import * as scoresRoute from "@/app/api/scores/route";
import { getDb } from "@/lib/db/client";
import { findTeamStats } from "@/lib/reviews/team-stats";
import { cachedSuggestions } from "@/lib/suggestions/cache";
import { getExport } from "@/test/support/export-requests";
import { postImport } from "@/test/support/import-requests";
import { call, seedFixtures, sessionUserOf, type TestUser } from "./helpers";

// Delete is a soft delete and Undo a restore, through the real route handlers: the restored annotation is the same
// one (id, dates, reviews, status), and while deleted it is absent from every read.

let fx: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  fx = await seedFixtures();
});

type TSpan = { start: number; end: number; tag: string };

const create = (user: TestUser, articleId: string, span: TSpan) =>
  call(annotationsRoute.POST, "POST", `/api/articles/${articleId}/annotations`, { id: articleId }, { user, body: span });
const list = async (user: TestUser, articleId: string) =>
  (await call(annotationsRoute.GET, "GET", `/api/articles/${articleId}/annotations`, { id: articleId }, { user })).json.annotations as {
    id: string;
  }[];
const remove = (user: TestUser, id: string) => call(annotationRoute.DELETE, "DELETE", `/api/annotations/${id}`, { id }, { user });
const restore = (user: TestUser, id: string) => call(restoreRoute.POST, "POST", `/api/annotations/${id}/restore`, { id }, { user });
const review = (user: TestUser, id: string, verdict: "agree" | "disagree") =>
  call(reviewsRoute.POST, "POST", `/api/annotations/${id}/reviews`, { id }, { user, body: { verdict } });
const reviews = (user: TestUser, id: string) => call(reviewsRoute.GET, "GET", `/api/annotations/${id}/reviews`, { id }, { user });
const auditOf = (id: string, action: string) =>
  getDb().auditEvent.findMany({ where: { entityType: "Annotation", entityId: id, action }, orderBy: { createdAt: "asc" } });

describe("DELETE then POST /api/annotations/{id}/restore", () => {
  it("brings back the same annotation with its reviews and status, both audited", async () => {
    const article = fx.articles[0]!;
    const made = await create(fx.users.ana, article.id, { start: 100, end: 130, tag: "opinion" });
    expect(made.status).toBe(201);
    const id: string = made.json.id;
    expect((await review(fx.users.ben, id, "disagree")).status).toBe(201);
    const before = (await list(fx.users.ana, article.id)).find((a) => a.id === id);
    expect(before).toMatchObject({ id, status: "rejected", agreeCount: 0, disagreeCount: 1 });

    expect((await remove(fx.users.ana, id)).status).toBe(204);
    expect((await list(fx.users.ana, article.id)).some((a) => a.id === id)).toBe(false);
    // A deleted annotation cannot be read, reviewed, changed or deleted again: it is not there.
    expect((await reviews(fx.users.ben, id)).status).toBe(404);
    expect((await review(fx.users.admin, id, "agree")).status).toBe(404);
    expect((await review(fx.users.ben, id, "agree")).status).toBe(404);
    const patch = await call(annotationRoute.PATCH, "PATCH", "/x", { id }, { user: fx.users.ana, body: { note: "x" } });
    expect(patch.status).toBe(404);
    expect((await remove(fx.users.ana, id)).status).toBe(404);
    // Kept, with its review, for the restore.
    const kept = await getDb().annotation.findUniqueOrThrow({ where: { id }, include: { reviews: true } });
    expect(kept).toMatchObject({ deletedById: fx.users.ana.id, status: "rejected", disagreeCount: 1 });
    expect(kept.deletedAt).toBeInstanceOf(Date);
    expect(kept.reviews.map((r) => [r.reviewerId, r.verdict])).toEqual([[fx.users.ben.id, "disagree"]]);

    const restored = await restore(fx.users.ana, id);
    expect(restored.status).toBe(200);
    expect(restored.json).toEqual(before);
    expect((await list(fx.users.ana, article.id)).find((a) => a.id === id)).toEqual(before);
    const back = await reviews(fx.users.ana, id);
    expect(back.json.reviews.map((r: any) => [r.reviewer.id, r.verdict])).toEqual([[fx.users.ben.id, "disagree"]]);

    const [deleted] = await auditOf(id, "annotation.delete");
    expect(deleted).toMatchObject({ actorId: fx.users.ana.id, teamId: fx.teamId });
    expect(JSON.parse(deleted!.before!)).toMatchObject({ start: 100, end: 130, tag: "opinion", status: "rejected", reviews: 1 });
    const [restoredEvent] = await auditOf(id, "annotation.restore");
    expect(restoredEvent).toMatchObject({ actorId: fx.users.ana.id, teamId: fx.teamId });
    expect(JSON.parse(restoredEvent!.before!)).toMatchObject({ deletedById: fx.users.ana.id, deletedAt: kept.deletedAt!.toISOString() });
    expect(JSON.parse(restoredEvent!.after!)).toMatchObject({ start: 100, end: 130, tag: "opinion", status: "rejected", reviews: 1 });
    // The admin's audit log lists both.
    const log = await call(auditRoute.GET, "GET", "/api/audit?limit=200", {}, { user: fx.users.admin });
    const actions = log.json.events.filter((e: any) => e.entityId === id).map((e: any) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["annotation.delete", "annotation.restore"]));
  });

  it("lets the author or an admin restore; 404 for unknown or another team's, 409 when not deleted", async () => {
    const article = fx.articles[0]!;
    const id: string = (await create(fx.users.ana, article.id, { start: 140, end: 160, tag: "official-statement" })).json.id;
    const notDeleted = await restore(fx.users.ana, id);
    expect(notDeleted.status).toBe(409);
    expect(notDeleted.json.error.code).toBe("NOT_DELETED");

    expect((await remove(fx.users.admin, id)).status).toBe(204);
    expect((await restore(fx.users.olga, id)).status).toBe(404);
    const byBen = await restore(fx.users.ben, id);
    expect(byBen.status).toBe(403);
    expect(byBen.json.error.code).toBe("NOT_AUTHOR");
    expect((await restore(fx.users.cara, id)).status).toBe(403);
    expect((await getDb().annotation.findUniqueOrThrow({ where: { id } })).deletedAt).not.toBeNull();
    const unknown = await restore(fx.users.ana, "no-such-annotation");
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe("NOT_FOUND");

    // The author restores what an admin deleted, and an admin what the author deleted.
    expect((await restore(fx.users.ana, id)).status).toBe(200);
    expect((await remove(fx.users.ana, id)).status).toBe(204);
    expect((await restore(fx.users.admin, id)).json).toMatchObject({ id, author: { id: fx.users.ana.id } });
    const events = await getDb().auditEvent.findMany({ where: { entityId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["annotation.create", fx.users.ana.id],
      ["annotation.delete", fx.users.admin.id],
      ["annotation.restore", fx.users.ana.id],
      ["annotation.delete", fx.users.ana.id],
      ["annotation.restore", fx.users.admin.id],
    ]);
  });

  it("leaves a deleted annotation out of the review queue, scores, agreement, suggestions, export and team stats", async () => {
    const article = fx.articles[2]!;
    const suggestion = cachedSuggestions(article.body)[0]!;
    const span = { start: suggestion.start, end: suggestion.end, tag: suggestion.tag };
    const anaUser = await sessionUserOf(fx.users.ana);
    /** Everything a deleted annotation must not count in, as each reader answers it. */
    const reads = async () => {
      const cache = await getDb().article.findUniqueOrThrow({
        where: { id: article.id },
        select: { annotationCount: true, score: true, consensusOfficial: true, consensusAnonymous: true, consensusOpinion: true },
      });
      const queue = await call(reviewQueueRoute.GET, "GET", `/api/review-queue?articleId=${article.id}&limit=100`, {}, { user: fx.users.ben });
      const score = await call(scoreRoute.GET, "GET", "/x", { id: article.id }, { user: fx.users.ana });
      const agreement = await call(agreementRoute.GET, "GET", "/x", { id: article.id }, { user: fx.users.ana });
      const suggestions = await call(suggestionsRoute.GET, "GET", "/x", { id: article.id }, { user: fx.users.ana });
      const story = await call(scoresRoute.GET, "GET", "/api/scores?groupBy=story", {}, { user: fx.users.ana });
      const csv = await getExport("csv", { articleId: article.id }, fx.users.admin);
      const jsonld = await getExport("jsonld", { articleId: article.id }, fx.users.admin);
      const stats = (await findTeamStats(anaUser)).find((p) => p.id === fx.users.ana.id);
      return {
        cache,
        queue: queue.json.items.map((i: { id: string }) => i.id),
        score: score.json,
        agreement: agreement.json,
        suggestions: suggestions.json,
        story: story.json,
        csv: csv.text,
        jsonld: jsonld.text,
        stats,
      };
    };
    const without = await reads();
    const made = await create(fx.users.ana, article.id, span);
    expect(made.status).toBe(201);
    const id: string = made.json.id;
    const withIt = await reads();
    // Each reader sees the annotation while it is live…
    for (const key of Object.keys(without) as (keyof typeof without)[]) {
      expect({ key, changed: JSON.stringify(withIt[key]) !== JSON.stringify(without[key]) }).toEqual({ key, changed: true });
    }
    expect(withIt.queue).toContain(id);
    expect(withIt.csv).toContain(id);

    // …none while it is deleted, and the same again once it is restored.
    expect((await remove(fx.users.ana, id)).status).toBe(204);
    expect(await reads()).toEqual(without);
    expect((await restore(fx.users.ana, id)).status).toBe(200);
    expect(await reads()).toEqual(withIt);
  });

  it("saving the same span and tag again after a delete creates a new annotation and purges the deleted one", async () => {
    const article = fx.articles[1]!;
    const span = { start: 200, end: 240, tag: "anonymous-source" };
    const old: string = (await create(fx.users.ana, article.id, span)).json.id;
    await review(fx.users.ben, old, "agree");
    expect((await remove(fx.users.ana, old)).status).toBe(204);

    const again = await create(fx.users.ana, article.id, span);
    expect(again.status).toBe(201);
    expect(again.json.id).not.toBe(old);
    expect(again.json).toMatchObject({ ...span, status: "pending", agreeCount: 0, disagreeCount: 0 });
    expect(await getDb().annotation.count({ where: { id: old } })).toBe(0);
    expect(await getDb().review.count({ where: { annotationId: old } })).toBe(0);
    const [purge] = await auditOf(old, "annotation.purge");
    expect(JSON.parse(purge!.before!)).toMatchObject({ ...span, status: "accepted", reviews: 1 });
    expect(JSON.parse(purge!.after!)).toEqual({ replacedBy: again.json.id });
    // Saving it once more is the usual idempotent 200; the replaced annotation cannot come back.
    expect((await create(fx.users.ana, article.id, span)).status).toBe(200);
    const replaced = await restore(fx.users.ana, old);
    expect(replaced.status).toBe(409);
    expect(replaced.json.error.code).toBe("ANNOTATION_REPLACED");
    expect((await list(fx.users.ana, article.id)).filter((a) => a.id === again.json.id)).toHaveLength(1);
  });

  it("a tag change onto a deleted annotation's span and tag replaces it instead of clashing", async () => {
    const article = fx.articles[1]!;
    const mine: string = (await create(fx.users.ana, article.id, { start: 300, end: 320, tag: "opinion" })).json.id;
    const other: string = (await create(fx.users.ana, article.id, { start: 300, end: 320, tag: "official-statement" })).json.id;
    const clash = await call(annotationRoute.PATCH, "PATCH", "/x", { id: mine }, { user: fx.users.ana, body: { tag: "official-statement" } });
    expect(clash.status).toBe(409);
    await remove(fx.users.ana, other);
    const changed = await call(annotationRoute.PATCH, "PATCH", "/x", { id: mine }, { user: fx.users.ana, body: { tag: "official-statement" } });
    expect(changed.status).toBe(200);
    expect(await getDb().annotation.count({ where: { id: other } })).toBe(0);
    expect((await auditOf(other, "annotation.purge")).map((e) => JSON.parse(e.after!))).toEqual([{ replacedBy: mine }]);
  });

  it("an import of a deleted annotation's span and tag creates it anew instead of calling it a duplicate", async () => {
    const article = fx.articles[1]!;
    const id: string = (await create(fx.users.ana, article.id, { start: 400, end: 430, tag: "opinion" })).json.id;
    const exported = await getExport("csv", { articleId: article.id, author: fx.users.ana.id, tag: "opinion" }, fx.users.admin);
    const line = exported.text.split("\r\n").find((l) => l.startsWith(id));
    const file = `${exported.text.split("\r\n")[0]}\r\n${line}\r\n`;
    expect((await remove(fx.users.ana, id)).status).toBe(204);

    const r = await postImport(importAnnotationsRoute, "/api/import/annotations", {
      user: fx.users.admin,
      files: [{ name: "again.csv", text: file }],
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ created: 1, duplicates: [] });
    expect(await getDb().annotation.count({ where: { id } })).toBe(0);
    const live = await getDb().annotation.findMany({ where: { articleId: article.id, authorId: fx.users.ana.id, start: 400, end: 430, tag: "opinion" } });
    expect(live).toHaveLength(1);
    expect((await auditOf(id, "annotation.purge")).map((e) => JSON.parse(e.after!))).toEqual([{ replacedBy: live[0]!.id }]);
  });
});
