import { beforeAll, describe, expect, it } from "vitest";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import * as acceptRoute from "@/app/api/articles/[id]/suggestions/accept/route";
import * as dismissRoute from "@/app/api/articles/[id]/suggestions/dismiss/route";
import * as suggestionsRoute from "@/app/api/articles/[id]/suggestions/route";
import { sliceCodePoints } from "@/lib/anchoring/code-points";
import { TAGS } from "@/lib/annotations/tags";
import { getDb } from "@/lib/db/client";
import { call, seedFixtures } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let fox: { id: string; body: string };
let blaze: { id: string; body: string };
beforeAll(async () => {
  fx = await seedFixtures();
  fox = fx.articles.find((a) => a.outlet === "Fox News Digital")!;
  blaze = fx.articles.find((a) => a.outlet === "Blaze Media")!;
});

type TSug = { start: number; end: number; tag: string; rule: string; reason: string };

const list = async (user: any, articleId: string) =>
  call(suggestionsRoute.GET, "GET", `/api/articles/${articleId}/suggestions`, { id: articleId }, { user });
const dismiss = (user: any, articleId: string, body: unknown, headers?: Record<string, string>) =>
  call(dismissRoute.POST, "POST", `/api/articles/${articleId}/suggestions/dismiss`, { id: articleId }, { user, body, headers });
const accept = (user: any, articleId: string, body: unknown) =>
  call(acceptRoute.POST, "POST", `/api/articles/${articleId}/suggestions/accept`, { id: articleId }, { user, body });
const key = (s: TSug) => ({ start: s.start, end: s.end, tag: s.tag });

describe("GET /api/articles/{id}/suggestions", () => {
  it("proposes explained spans of all three tags on the seed articles, in code points of the stored body", async () => {
    const seen = new Set<string>();
    for (const article of fx.articles) {
      const r = await list(fx.users.ana, article.id);
      expect(r.status).toBe(200);
      const suggestions = r.json.suggestions as TSug[];
      expect(suggestions.length).toBeGreaterThan(5);
      for (const s of suggestions) {
        expect(Object.keys(s).sort()).toEqual(["end", "reason", "rule", "start", "tag"]);
        expect(TAGS).toContain(s.tag);
        expect(s.start).toBeLessThan(s.end);
        expect(s.reason.length).toBeGreaterThan(5);
        const quote = sliceCodePoints(article.body, s.start, s.end);
        expect(quote.trim()).toBe(quote);
        seen.add(s.tag);
      }
      for (let i = 1; i < suggestions.length; i++) expect(suggestions[i]!.start).toBeGreaterThanOrEqual(suggestions[i - 1]!.start);
    }
    expect([...seen].sort()).toEqual([...TAGS].sort());

    const foxSuggestions = (await list(fx.users.ana, fox.id)).json.suggestions as TSug[];
    const anon = foxSuggestions.find((s) => sliceCodePoints(fox.body, s.start, s.end).includes("people familiar with the matter"));
    expect(anon).toMatchObject({ tag: "anonymous-source" });
    const liu = foxSuggestions.find((s) => sliceCodePoints(fox.body, s.start, s.end).includes("Embassy spokesperson Mr. Liu Pengyu said"));
    expect(liu).toMatchObject({ tag: "official-statement" });
    // The quotation that continues after the attribution belongs to the same suggestion.
    expect(sliceCodePoints(fox.body, liu!.start, liu!.end)).toContain("rather than unfounded speculation and accusations.");
  });

  it("hides another team's article (404) and needs a session (401)", async () => {
    expect((await list(fx.users.olga, fox.id)).status).toBe(404);
    expect((await list(fx.users.ana, fx.otherArticle.id)).status).toBe(404);
    expect((await list(undefined, fox.id)).status).toBe(401);
  });
});

describe("POST /api/articles/{id}/suggestions/dismiss", () => {
  it("remembers a dismissal per user and article, idempotently", async () => {
    const before = (await list(fx.users.ana, blaze.id)).json.suggestions as TSug[];
    const target = before[0]!;
    const first = await dismiss(fx.users.ana, blaze.id, key(target));
    expect(first.status).toBe(204);
    const again = await dismiss(fx.users.ana, blaze.id, key(target));
    expect(again.status).toBe(204);
    expect(await getDb().suggestionDismissal.count({ where: { userId: fx.users.ana.id, articleId: blaze.id } })).toBe(1);

    const after = (await list(fx.users.ana, blaze.id)).json.suggestions as TSug[];
    expect(after).toHaveLength(before.length - 1);
    expect(after.some((s) => s.start === target.start && s.end === target.end && s.tag === target.tag)).toBe(false);
    // Another reviewer still sees it.
    const ben = (await list(fx.users.ben, blaze.id)).json.suggestions as TSug[];
    expect(ben.some((s) => s.start === target.start && s.end === target.end && s.tag === target.tag)).toBe(true);
  });

  it("refuses spans that are not suggestions, invalid input, other teams and other origins", async () => {
    const notOne = await dismiss(fx.users.ana, blaze.id, { start: 0, end: 3, tag: "opinion" });
    expect(notOne.status).toBe(404);
    expect(notOne.json.error.code).toBe("SUGGESTION_NOT_FOUND");
    const bad = await dismiss(fx.users.ana, blaze.id, { start: 5, end: 5, tag: "opinion" });
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe("end");
    const badTag = await dismiss(fx.users.ana, blaze.id, { start: 0, end: 5, tag: "gossip" });
    expect(badTag.json.error.field).toBe("tag");
    const target = ((await list(fx.users.ana, fox.id)).json.suggestions as TSug[])[0]!;
    expect((await dismiss(fx.users.olga, fox.id, key(target))).status).toBe(404);
    const crossOrigin = await dismiss(fx.users.ana, fox.id, key(target), { origin: "https://evil.example" });
    expect(crossOrigin.status).toBe(403);
    expect(await getDb().suggestionDismissal.count({ where: { articleId: fox.id } })).toBe(0);
  });
});

describe("accepting a suggestion", () => {
  it("creates a real annotation by the user, audited as accepted from a suggestion, and stops suggesting it", async () => {
    const before = (await list(fx.users.ben, fox.id)).json.suggestions as TSug[];
    const target = before.find((s) => s.tag === "anonymous-source")!;
    const r = await accept(fx.users.ben, fox.id, key(target));
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({
      articleId: fox.id,
      start: target.start,
      end: target.end,
      tag: "anonymous-source",
      quote: sliceCodePoints(fox.body, target.start, target.end),
      author: { id: fx.users.ben.id },
      status: "pending",
    });
    const audit = await getDb().auditEvent.findFirst({ where: { entityId: r.json.id } });
    expect(audit?.action).toBe("annotation.create_from_suggestion");
    expect(audit?.actorId).toBe(fx.users.ben.id);

    const annotations = await call(annotationsRoute.GET, "GET", `/api/articles/${fox.id}/annotations`, { id: fox.id }, { user: fx.users.ben });
    expect(annotations.json.annotations.some((a: any) => a.id === r.json.id)).toBe(true);

    const after = (await list(fx.users.ben, fox.id)).json.suggestions as TSug[];
    expect(after).toHaveLength(before.length - 1);
    // Ana has not accepted it: she is still offered it.
    const ana = (await list(fx.users.ana, fox.id)).json.suggestions as TSug[];
    expect(ana.some((s) => s.start === target.start && s.end === target.end)).toBe(true);

    const again = await accept(fx.users.ben, fox.id, key(target));
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(r.json.id);
  });

  it("hides a suggestion the user annotated by hand with the same span and tag", async () => {
    const target = ((await list(fx.users.cara, blaze.id)).json.suggestions as TSug[]).find((s) => s.tag === "official-statement")!;
    const manual = await call(annotationsRoute.POST, "POST", `/api/articles/${blaze.id}/annotations`, { id: blaze.id }, { user: fx.users.cara, body: key(target) });
    expect(manual.status).toBe(201);
    const after = (await list(fx.users.cara, blaze.id)).json.suggestions as TSug[];
    expect(after.some((s) => s.start === target.start && s.end === target.end && s.tag === target.tag)).toBe(false);
  });

  it("refuses a span that is not a current suggestion and another team's article", async () => {
    const r = await accept(fx.users.ana, fox.id, { start: 1, end: 20, tag: "opinion" });
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe("SUGGESTION_NOT_FOUND");
    const target = ((await list(fx.users.ana, fox.id)).json.suggestions as TSug[])[0]!;
    const other = await accept(fx.users.olga, fox.id, key(target));
    expect(other.status).toBe(404);
    const missing = await accept(fx.users.ana, fox.id, { start: 1, tag: "opinion" });
    expect(missing.status).toBe(400);
    expect(missing.json.error.field).toBe("end");
  });
});
