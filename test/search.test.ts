// Search through the database's full-text index (FTS5 on SQLite, tsvector GIN indexes on PostgreSQL): what is
// found, what each filter keeps, and that the index follows every write.
import { beforeAll, describe, expect, it } from "vitest";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as restoreRoute from "@/app/api/annotations/[id]/restore/route";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import * as bodyRoute from "@/app/api/articles/[id]/body/route";
import * as searchRoute from "@/app/api/search/route";
import { codePointLength } from "@/lib/anchoring/code-points";
import { getDb } from "@/lib/db/client";
import { call, seedFixtures, type TestUser } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  fx = await seedFixtures();
});

const find = (query: string, user: TestUser = fx.users.cara) => call(searchRoute.GET, "GET", `/api/search?${query}`, {}, { user });
const ids = (r: { json: { results: { kind: string; articleId: string; annotationId?: string }[] } }) =>
  r.json.results.map((x) => (x.kind === "article" ? `article:${x.articleId}` : `annotation:${x.annotationId}`));

async function annotate(articleIndex: number, quote: string, tag: string, user = fx.users.ana, note?: string) {
  const article = fx.articles[articleIndex]!;
  const start = codePointLength(article.body.slice(0, article.body.indexOf(quote)));
  const r = await call(annotationsRoute.POST, "POST", "/x", { id: article.id }, { user, body: { start, end: start + codePointLength(quote), tag, note } });
  expect(r.status).toBe(201);
  return r.json.id as string;
}

describe("GET /api/search", () => {
  it("finds articles by title and text, annotations by quote and note, the last word also as a prefix", async () => {
    const fox = fx.articles.findIndex((a) => a.outlet === "Fox News Digital");
    const id = await annotate(fox, "people familiar with the matter", "anonymous-source", fx.users.ana, "Unnamed WSJ sources, checkable?");
    const byBody = await find("q=tariffs");
    expect(byBody.status).toBe(200);
    expect(ids(byBody)).toContain(`article:${fx.articles[fox]!.id}`);
    expect(byBody.json.results.find((r: { kind: string }) => r.kind === "article").snippet).toMatch(/tariffs/i);
    expect(ids(await find("q=familiar%20matter"))).toContain(`annotation:${id}`);
    expect(ids(await find("q=checkable"))).toContain(`annotation:${id}`);
    expect(ids(await find("q=cyberatt"))).toContain(`article:${fx.articles[fox]!.id}`);
    expect(ids(await find("q=zzzunfound"))).toEqual([]);
  });

  it("filters by tag, author, status, outlet and story, and never shows another team's", async () => {
    const id = await annotate(0, fx.articles[0]!.body.slice(0, 40).trim(), "opinion", fx.users.ben);
    const word = (fx.articles[0]!.body.slice(0, 40).match(/\p{L}{5,}/u) ?? ["x"])[0]!;
    expect(ids(await find(`q=${encodeURIComponent(word)}&tag=opinion`))).toContain(`annotation:${id}`);
    expect(ids(await find(`q=${encodeURIComponent(word)}&tag=opinion`)).every((x) => x.startsWith("annotation:"))).toBe(true);
    const official = await annotate(0, fx.articles[0]!.body.slice(0, 40).trim(), "official-statement", fx.users.ben);
    expect(ids(await find(`q=${encodeURIComponent(word)}&tag=official-statement`))).toEqual([`annotation:${official}`]);
    expect(ids(await find(`q=${encodeURIComponent(word)}&author=${fx.users.ben.id}`))).toContain(`annotation:${id}`);
    expect(ids(await find(`q=${encodeURIComponent(word)}&author=${fx.users.ana.id}`))).not.toContain(`annotation:${id}`);
    expect(ids(await find(`q=${encodeURIComponent(word)}&status=pending`))).toContain(`annotation:${id}`);
    expect(ids(await find(`q=${encodeURIComponent(word)}&status=accepted`))).not.toContain(`annotation:${id}`);
    expect(ids(await find(`q=${encodeURIComponent(word)}&outlet=${encodeURIComponent(fx.articles[0]!.outlet ?? "")}`))).toContain(`article:${fx.articles[0]!.id}`);
    expect(ids(await find(`q=${encodeURIComponent(word)}&outlet=Nobody`))).toEqual([]);
    expect(ids(await find(`q=${encodeURIComponent(word)}&storyId=${fx.storyId}`))).toContain(`article:${fx.articles[0]!.id}`);
    // Another team sees its own and nothing of this one.
    const theirs = await getDb().article.create({
      data: { teamId: fx.otherTeamId, title: "Their desk", body: "A xylophonic briefing, officials said.", bodyHash: "search-other", bodyLength: 38 },
    });
    expect(ids(await find("q=xylophonic", fx.users.olga))).toEqual([`article:${theirs.id}`]);
    expect(ids(await find(`q=${encodeURIComponent(word)}`, fx.users.olga))).toEqual([]);
    expect(ids(await find("q=xylophonic"))).toEqual([]);
  });

  it("follows deletes, restores, note edits and corrected texts", async () => {
    const fox = fx.articles.findIndex((a) => a.outlet === "Fox News Digital");
    const id = await annotate(fox, "spoke on condition of anonymity", "anonymous-source", fx.users.ben, "first note");
    expect(ids(await find("q=condition%20anonymity"))).toContain(`annotation:${id}`);
    await call(annotationRoute.PATCH, "PATCH", "/x", { id }, { user: fx.users.ben, body: { note: "renamed zebracorn" } });
    expect(ids(await find("q=zebracorn"))).toContain(`annotation:${id}`);
    expect(ids(await find("q=first%20note"))).not.toContain(`annotation:${id}`);
    await call(annotationRoute.DELETE, "DELETE", "/x", { id }, { user: fx.users.ben });
    expect(ids(await find("q=zebracorn"))).toEqual([]);
    await call(restoreRoute.POST, "POST", "/x", { id }, { user: fx.users.ben });
    expect(ids(await find("q=zebracorn"))).toEqual([`annotation:${id}`]);

    const article = fx.articles[fox]!;
    const corrected = `${article.body}\n\nCorrection: a quokkalogist was misquoted.`;
    expect((await call(bodyRoute.PUT, "PUT", "/x", { id: article.id }, { user: fx.users.ben, body: { body: corrected } })).status).toBe(200);
    expect(ids(await find("q=quokkalogist"))).toEqual([`article:${article.id}`]);
  });

  it("answers search syntax and hostile text as plain words, and an empty search with a clear 400", async () => {
    for (const q of ['"unbalanced', "NEAR(a b)", "a* OR b -c", "'; DROP TABLE \"Article\"; --", "title:secret", "😀 émigré", "x".repeat(200)]) {
      const r = await find(`q=${encodeURIComponent(q)}`);
      expect({ q, status: r.status }).toEqual({ q, status: 200 });
    }
    for (const q of ["", "   ", "*** ---", "x".repeat(201)]) {
      const r = await find(`q=${encodeURIComponent(q)}`);
      expect({ q, status: r.status, code: r.json.error.code }).toEqual({ q, status: 400, code: "INVALID_INPUT" });
    }
    expect((await find("q=a&tag=rumour")).status).toBe(400);
  });
});
