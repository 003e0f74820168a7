// Editing an article's details and managing stories: what changes, what is audited, and what is refused unchanged.
import { beforeAll, describe, expect, it } from "vitest";
import * as articleRoute from "@/app/api/articles/[id]/route";
import * as storyRoute from "@/app/api/stories/[id]/route";
import * as storiesRoute from "@/app/api/stories/route";
import { getDb } from "@/lib/db/client";
import { call, seedFixtures } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  fx = await seedFixtures();
});

const patchArticle = (id: string, body: unknown, user = fx.users.ben) => call(articleRoute.PATCH, "PATCH", `/api/articles/${id}`, { id }, { user, body });
const snapshot = async () => {
  const db = getDb();
  return { articles: await db.article.findMany({ orderBy: { id: "asc" } }), stories: await db.story.findMany({ orderBy: { id: "asc" } }), audit: await db.auditEvent.count() };
};

describe("PATCH /api/articles/{id}", () => {
  it("changes the details sent, clears those sent as empty, keeps the text, and audits the change", async () => {
    const article = fx.articles[0]!;
    const r = await patchArticle(article.id, { title: "  A corrected title ", outlet: "Fox News Digital", author: "", publishedAt: "2024-12-31T09:00:00Z" });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ id: article.id, title: "A corrected title", outlet: "Fox News Digital", author: null, publishedAt: "2024-12-31", body: article.body });
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { entityId: article.id, action: "article.update" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(event.before!)).toMatchObject({ title: article.title, outlet: article.outlet });
    expect(JSON.parse(event.after!)).toMatchObject({ title: "A corrected title", outlet: "Fox News Digital", publishedAt: "2024-12-31" });
  });

  it("moves an article to another story of the team, or out of any", async () => {
    const story = await getDb().story.create({ data: { teamId: fx.teamId, title: "Volt Typhoon follow-ups" } });
    const article = fx.articles[1]!;
    expect((await patchArticle(article.id, { storyId: story.id })).json.story).toEqual({ id: story.id, title: "Volt Typhoon follow-ups" });
    expect((await patchArticle(article.id, { storyId: null })).json.story).toBeNull();
  });

  it("refuses bad input, another team's story and another team's article, changing nothing", async () => {
    const article = fx.articles[2]!;
    const before = await snapshot();
    const otherStory = await getDb().story.create({ data: { teamId: fx.otherTeamId, title: "Their story" } });
    const cases: [unknown, number, string][] = [
      [{}, 400, "INVALID_INPUT"],
      [{ title: "" }, 400, "INVALID_INPUT"],
      [{ url: "javascript:alert(1)" }, 400, "INVALID_INPUT"],
      [{ publishedAt: "April 2025" }, 400, "INVALID_INPUT"],
      [{ body: "a new text" }, 400, "INVALID_INPUT"],
      [{ storyId: otherStory.id }, 400, "INVALID_INPUT"],
    ];
    for (const [body, status, code] of cases) {
      const r = await patchArticle(article.id, body);
      expect({ body, status: r.status, code: r.json.error.code }).toEqual({ body, status, code });
    }
    expect((await patchArticle(fx.otherArticle.id, { title: "Mine now" }, fx.users.admin)).status).toBe(404);
    expect((await patchArticle(article.id, { title: "Annotators cannot" }, fx.users.cara)).status).toBe(403);
    await getDb().story.delete({ where: { id: otherStory.id } });
    expect(await snapshot()).toEqual(before);
  });
});

describe("stories", () => {
  it("are created, listed with their article counts, renamed, and merged with their articles", async () => {
    const create = (title: string) => call(storiesRoute.POST, "POST", "/api/stories", {}, { user: fx.users.ben, body: { title } });
    const a = await create("Port strike");
    const b = await create("Dock workers' strike");
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await create("Port strike")).json.error).toMatchObject({ code: "CONFLICT", field: "title" });
    await patchArticle(fx.articles[0]!.id, { storyId: a.json.id });
    await patchArticle(fx.articles[1]!.id, { storyId: b.json.id });

    const list = await call(storiesRoute.GET, "GET", "/api/stories", {}, { user: fx.users.cara });
    expect(list.json.stories).toEqual(expect.arrayContaining([expect.objectContaining({ id: a.json.id, title: "Port strike", articleCount: 1 })]));
    const outsider = await call(storiesRoute.GET, "GET", "/api/stories", {}, { user: fx.users.olga });
    expect(outsider.json.stories.map((s: { id: string }) => s.id)).not.toContain(a.json.id);

    const patchStory = (id: string, body: unknown, user = fx.users.ben) => call(storyRoute.PATCH, "PATCH", `/api/stories/${id}`, { id }, { user, body });
    expect((await patchStory(a.json.id, { title: "Port strike, 2024" })).json).toMatchObject({ title: "Port strike, 2024", articleCount: 1 });
    expect((await patchStory(a.json.id, { title: "Dock workers' strike" })).json.error.code).toBe("CONFLICT");
    expect((await patchStory(a.json.id, { mergeInto: a.json.id })).status).toBe(400);
    expect((await patchStory(a.json.id, { title: "x", mergeInto: b.json.id })).status).toBe(400);

    const merged = await patchStory(b.json.id, { mergeInto: a.json.id });
    expect(merged.json).toMatchObject({ id: a.json.id, articleCount: 2 });
    expect(await getDb().story.findUnique({ where: { id: b.json.id } })).toBeNull();
    expect(await getDb().article.count({ where: { storyId: a.json.id } })).toBe(2);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "story.merge", entityId: b.json.id } });
    expect(JSON.parse(audit.after!)).toMatchObject({ mergedInto: a.json.id, articlesMoved: 1 });
    expect((await patchStory(a.json.id, { mergeInto: b.json.id })).json.error).toMatchObject({ code: "INVALID_INPUT", field: "mergeInto" });
  });
});
