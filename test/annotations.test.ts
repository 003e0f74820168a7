import { beforeAll, describe, expect, it } from "vitest";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import { sliceCodePoints } from "@/lib/anchoring/code-points";
import { getDb } from "@/lib/db/client";
import { call, seedFixtures } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let blaze: { id: string; body: string };
beforeAll(async () => {
  fx = await seedFixtures();
  blaze = fx.articles.find((a) => a.outlet === "Blaze Media")!;
});

/** Code-point offsets of the first occurrence of `quote` in `body`. */
function offsetsOf(body: string, quote: string) {
  const i = body.indexOf(quote);
  if (i < 0) throw new Error(`not in body: ${quote}`);
  const start = Array.from(body.slice(0, i)).length;
  return { start, end: start + Array.from(quote).length };
}

const post = (user: any, articleId: string, body: unknown) =>
  call(annotationsRoute.POST, "POST", `/api/articles/${articleId}/annotations`, { id: articleId }, { user, body });

describe("POST /api/articles/{id}/annotations", () => {
  it("creates an annotation with server-computed quote, prefix and suffix in code points", async () => {
    const quote = "©"; // the first code point of the Blaze capture
    const { start, end } = offsetsOf(blaze.body, quote);
    const r = await post(fx.users.ana, blaze.id, { start, end: end + 10, tag: "opinion", note: "copyright line" });
    expect(r.status).toBe(201);
    expect(r.json.quote).toBe(sliceCodePoints(blaze.body, start, end + 10));
    expect(r.json.prefix).toBe("");
    expect(Array.from(r.json.suffix)).toHaveLength(32);
    expect(r.json).toMatchObject({
      articleId: blaze.id,
      tag: "opinion",
      note: "copyright line",
      status: "pending",
      agreeCount: 0,
      disagreeCount: 0,
      author: { id: fx.users.ana.id, name: "Ana Reviewer", email: "ana@example.com" },
    });
    const audit = await getDb().auditEvent.findFirst({ where: { entityId: r.json.id, action: "annotation.create" } });
    expect(audit?.actorId).toBe(fx.users.ana.id);
  });

  it("handles curly quotes and em dashes by code point, and accepts a matching quote", async () => {
    const redsky = fx.articles.find((a) => a.outlet?.startsWith("Red Sky"))!;
    for (const [article, quote] of [
      [redsky, "“take actions in response to Chinese malicious cyber activity,”"],
      [blaze, "Volt Typhoon — its hacker outfit tasked with espionage"],
    ] as const) {
      const { start, end } = offsetsOf(article.body, quote);
      const r = await post(fx.users.ana, article.id, { start, end, tag: "official-statement", quote });
      expect(r.status).toBe(201);
      expect(r.json.quote).toBe(quote);
      expect(Array.from(article.body).slice(r.json.start, r.json.end).join("")).toBe(quote);
    }
  });

  it("refuses a quote that does not match the body (409 QUOTE_MISMATCH) and writes nothing", async () => {
    const before = await getDb().annotation.count();
    const r = await post(fx.users.ana, blaze.id, { start: 5, end: 10, tag: "opinion", quote: "nope!" });
    expect(r.status).toBe(409);
    expect(r.json.error).toMatchObject({ code: "QUOTE_MISMATCH", field: "quote" });
    expect(await getDb().annotation.count()).toBe(before);
  });

  it("returns the existing annotation when the same user saves the same span and tag again", async () => {
    const first = await post(fx.users.ben, blaze.id, { start: 100, end: 120, tag: "official-statement" });
    const again = await post(fx.users.ben, blaze.id, { start: 100, end: 120, tag: "official-statement" });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    const other = await post(fx.users.ana, blaze.id, { start: 100, end: 120, tag: "official-statement" });
    expect(other.status).toBe(201);
    expect(other.json.id).not.toBe(first.json.id);
  });

  it.each([
    [{ start: 0, end: 5, tag: "rumour" }, "tag"],
    [{ start: 10, end: 10, tag: "opinion" }, "end"],
    [{ start: 10, end: 5, tag: "opinion" }, "end"],
    [{ start: -1, end: 5, tag: "opinion" }, "start"],
    [{ start: 0.5, end: 5, tag: "opinion" }, "start"],
    [{ start: "0", end: 5, tag: "opinion" }, "start"],
    [{ start: 0, end: 10_000_000, tag: "opinion" }, "end"],
    [{ start: 0, end: 5, tag: "opinion", note: "x".repeat(2001) }, "note"],
    [{ end: 5, tag: "opinion" }, "start"],
  ])("answers 400 with the field for %j", async (body, field) => {
    const before = await getDb().annotation.count();
    const r = await post(fx.users.ana, blaze.id, body);
    expect(r.status).toBe(400);
    expect(r.json.error.field).toBe(field);
    expect(await getDb().annotation.count()).toBe(before);
  });

  it("counts a 2,000-code-point note of emoji as within the limit", async () => {
    const r = await post(fx.users.ana, blaze.id, { start: 200, end: 210, tag: "opinion", note: "😀".repeat(2000) });
    expect(r.status).toBe(201);
  });

  it("hides another team's article (404) and needs a session (401)", async () => {
    const other = await post(fx.users.ana, fx.otherArticle.id, { start: 0, end: 5, tag: "opinion" });
    expect(other.status).toBe(404);
    const anon = await call(annotationsRoute.POST, "POST", "/x", { id: blaze.id }, { body: { start: 0, end: 5, tag: "opinion" } });
    expect(anon.status).toBe(401);
  });
});

describe("GET /api/articles/{id}/annotations", () => {
  it("lists in text order and filters by author", async () => {
    const all = await call(annotationsRoute.GET, "GET", `/api/articles/${blaze.id}/annotations`, { id: blaze.id }, { user: fx.users.ben });
    expect(all.status).toBe(200);
    const list = all.json.annotations as Array<{ start: number; end: number; author: { id: string } }>;
    expect(list.length).toBeGreaterThan(3);
    for (let i = 1; i < list.length; i++) {
      const a = list[i - 1]!;
      const b = list[i]!;
      expect(a.start < b.start || (a.start === b.start && a.end <= b.end)).toBe(true);
    }
    const mine = await call(
      annotationsRoute.GET,
      "GET",
      `/api/articles/${blaze.id}/annotations?author=${fx.users.ben.id}`,
      { id: blaze.id },
      { user: fx.users.ben },
    );
    expect(mine.json.annotations.length).toBeGreaterThan(0);
    expect(mine.json.annotations.every((a: any) => a.author.id === fx.users.ben.id)).toBe(true);
    const hidden = await call(annotationsRoute.GET, "GET", "/x", { id: blaze.id }, { user: fx.users.olga });
    expect(hidden.status).toBe(404);
  });
});

describe("PATCH and DELETE /api/annotations/{id}", () => {
  it("lets only the author change tag or note, audited with before and after", async () => {
    const created = await post(fx.users.ana, blaze.id, { start: 300, end: 320, tag: "opinion" });
    const id = created.json.id;
    const byBen = await call(annotationRoute.PATCH, "PATCH", "/x", { id }, { user: fx.users.ben, body: { tag: "official-statement" } });
    expect(byBen.status).toBe(403);
    const byAdmin = await call(annotationRoute.PATCH, "PATCH", "/x", { id }, { user: fx.users.admin, body: { note: "x" } });
    expect(byAdmin.status).toBe(403);
    const byOutsider = await call(annotationRoute.PATCH, "PATCH", "/x", { id }, { user: fx.users.olga, body: { note: "x" } });
    expect(byOutsider.status).toBe(404);
    const empty = await call(annotationRoute.PATCH, "PATCH", "/x", { id }, { user: fx.users.ana, body: {} });
    expect(empty.status).toBe(400);
    const badTag = await call(annotationRoute.PATCH, "PATCH", "/x", { id }, { user: fx.users.ana, body: { tag: "gossip" } });
    expect(badTag.status).toBe(400);
    expect(badTag.json.error.field).toBe("tag");
    const ok = await call(annotationRoute.PATCH, "PATCH", "/x", { id }, { user: fx.users.ana, body: { tag: "anonymous-source", note: "why" } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ id, tag: "anonymous-source", note: "why" });
    const audit = await getDb().auditEvent.findFirst({ where: { entityId: id, action: "annotation.update" } });
    expect(JSON.parse(audit!.before!)).toMatchObject({ tag: "opinion", note: "" });
    expect(JSON.parse(audit!.after!)).toMatchObject({ tag: "anonymous-source", note: "why" });
  });

  it("lets the author or an admin delete, nobody else", async () => {
    const a = await post(fx.users.ana, blaze.id, { start: 400, end: 420, tag: "opinion" });
    const b = await post(fx.users.ana, blaze.id, { start: 430, end: 440, tag: "opinion" });
    const byBen = await call(annotationRoute.DELETE, "DELETE", "/x", { id: a.json.id }, { user: fx.users.ben });
    expect(byBen.status).toBe(403);
    const byOutsider = await call(annotationRoute.DELETE, "DELETE", "/x", { id: a.json.id }, { user: fx.users.olga });
    expect(byOutsider.status).toBe(404);
    const byAuthor = await call(annotationRoute.DELETE, "DELETE", "/x", { id: a.json.id }, { user: fx.users.ana });
    expect(byAuthor.status).toBe(204);
    const byAdmin = await call(annotationRoute.DELETE, "DELETE", "/x", { id: b.json.id }, { user: fx.users.admin });
    expect(byAdmin.status).toBe(204);
    // Soft deletes: gone from every read, the rows kept with who deleted them (annotation-restore.test.ts).
    expect(await getDb().annotation.count({ where: { id: { in: [a.json.id, b.json.id] }, deletedAt: null } })).toBe(0);
    const kept = await getDb().annotation.findMany({ where: { id: { in: [a.json.id, b.json.id] } }, orderBy: { start: "asc" } });
    expect(kept.map((x) => x.deletedById)).toEqual([fx.users.ana.id, fx.users.admin.id]);
    const audits = await getDb().auditEvent.findMany({ where: { entityId: { in: [a.json.id, b.json.id] }, action: "annotation.delete" } });
    expect(audits.map((x) => x.actorId).sort()).toEqual([fx.users.ana.id, fx.users.admin.id].sort());
    const gone = await call(annotationRoute.DELETE, "DELETE", "/x", { id: a.json.id }, { user: fx.users.ana });
    expect(gone.status).toBe(404);
  });
});
