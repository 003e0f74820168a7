// The change feed and GET /api/events on the run's database (SQLite's in-process feed, PostgreSQL's LISTEN/NOTIFY):
// every committed write the team should hear of reaches a teammate's stream, and nothing crosses into another team.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as restoreRoute from "@/app/api/annotations/[id]/restore/route";
import * as reviewsRoute from "@/app/api/annotations/[id]/reviews/route";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import * as bodyRoute from "@/app/api/articles/[id]/body/route";
import * as articleRoute from "@/app/api/articles/[id]/route";
import * as acceptRoute from "@/app/api/articles/[id]/suggestions/accept/route";
import * as eventsRoute from "@/app/api/events/route";
import * as importAnnotationsRoute from "@/app/api/import/annotations/route";
import { changeFeed, closeChangeFeed, type TFeedSignal } from "@/lib/db/change-feed";
import { userFromRequest } from "@/lib/auth/session-user";
import { openEventStream } from "@/lib/live/open-event-stream";
import { publishChange } from "@/lib/live/publish-change";
import { getExport } from "@/test/support/export-requests";
import { postImport } from "@/test/support/import-requests";
import { SseReader, type TSseEvent } from "@/test/support/sse";
import { call, makeRequest, seedFixtures, sessionUserOf, type TestUser } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
const open: { reader: SseReader; abort: AbortController }[] = [];

beforeAll(async () => {
  fx = await seedFixtures();
});

afterAll(async () => {
  for (const s of open) s.abort.abort();
  await closeChangeFeed();
});

/** Opens GET /api/events as `user`, the way a page's EventSource does. */
async function connect(user: TestUser) {
  const abort = new AbortController();
  const req = await makeRequest("GET", "/api/events", { user, headers: { accept: "text/event-stream" } });
  const response = await eventsRoute.GET(new Request(req, { signal: abort.signal }), { params: Promise.resolve({}) });
  expect(response.status).toBe(200);
  const reader = new SseReader(response);
  open.push({ reader, abort });
  return { response, reader, abort };
}

let span = 0;
async function create(user: TestUser, articleIndex = 0) {
  const article = fx.articles[articleIndex]!;
  const start = 100 + 7 * span++;
  const r = await call(annotationsRoute.POST, "POST", "/x", { id: article.id }, { user, body: { start, end: start + 12, tag: "opinion" } });
  expect(r.status).toBe(201);
  return { id: r.json.id as string, articleId: article.id };
}

const isAnnotation = (id: string) => (e: TSseEvent) => e.event === "annotation" && (e.data as { annotationId?: string }).annotationId === id;

describe("the change feed", () => {
  it("a subscriber hears a teammate's create through the real route, after it is committed", async () => {
    const heard: TFeedSignal[] = [];
    const unsubscribe = await (await changeFeed()).subscribe((s) => heard.push(s));
    try {
      const { id, articleId } = await create(fx.users.ana);
      await expect.poll(() => heard.length, { timeout: 5000 }).toBeGreaterThan(0);
      expect(heard[0]).toEqual({ type: "change", message: { teamId: fx.teamId, kind: "annotation", articleId, annotationId: id } });
      // Announced after the commit: what a listener fetches on hearing it is there.
      const { getDb } = await import("@/lib/db/client");
      expect(await getDb().annotation.count({ where: { id } })).toBe(1);
    } finally {
      unsubscribe();
    }
  });

  it("an unsubscribed listener hears nothing more", async () => {
    const heard: TFeedSignal[] = [];
    const unsubscribe = await (await changeFeed()).subscribe((s) => heard.push(s));
    unsubscribe();
    const control: TFeedSignal[] = [];
    const stop = await (await changeFeed()).subscribe((s) => control.push(s));
    await create(fx.users.ana);
    await expect.poll(() => control.length, { timeout: 5000 }).toBe(1);
    stop();
    expect(heard).toEqual([]);
  });
});

describe("GET /api/events", () => {
  it("answers a logged-out caller with the usual 401 JSON", async () => {
    const r = await call(eventsRoute.GET, "GET", "/api/events", {});
    expect(r.status).toBe(401);
    expect(r.response.headers.get("content-type")).toContain("application/json");
    expect(r.json.error.code).toBe("UNAUTHORIZED");
  });

  it("streams server-sent events, with a retry delay, kinds, ids and JSON data", async () => {
    const { response, reader } = await connect(fx.users.ben);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    const { id, articleId } = await create(fx.users.ana);
    const { match } = await reader.until(isAnnotation(id));
    expect(reader.raw[0]).toMatch(/^retry: 2000\n/);
    expect(match.data).toEqual({ kind: "annotation", articleId, annotationId: id });
    expect(match.id).toMatch(/^\S+$/);
  });

  it("announces edits, deletes, restores, reviews, accepted suggestions and imports", async () => {
    const { reader } = await connect(fx.users.cara);
    const { id, articleId } = await create(fx.users.ana);
    await reader.until(isAnnotation(id));

    expect((await call(annotationRoute.PATCH, "PATCH", "/x", { id }, { user: fx.users.ana, body: { note: "edited" } })).status).toBe(200);
    await reader.until(isAnnotation(id));
    expect((await call(reviewsRoute.POST, "POST", "/x", { id }, { user: fx.users.ben, body: { verdict: "disagree" } })).status).toBe(201);
    const review = await reader.until((e) => e.event === "review");
    expect(review.match.data).toEqual({ kind: "review", articleId, annotationId: id });
    expect((await call(annotationRoute.DELETE, "DELETE", "/x", { id }, { user: fx.users.ana })).status).toBe(204);
    await reader.until(isAnnotation(id));
    expect((await call(restoreRoute.POST, "POST", "/x", { id }, { user: fx.users.ana })).status).toBe(200);
    await reader.until(isAnnotation(id));

    const { cachedSuggestions } = await import("@/lib/suggestions/cache");
    const suggestion = cachedSuggestions(fx.articles[0]!.body)[0]!;
    const accepted = await call(acceptRoute.POST, "POST", "/x", { id: fx.articles[0]!.id }, {
      user: fx.users.ben,
      body: { start: suggestion.start, end: suggestion.end, tag: suggestion.tag },
    });
    expect(accepted.status).toBe(201);
    await reader.until(isAnnotation(accepted.json.id));
  });

  it("announces an edit of an article's details and a correction of its text", async () => {
    const { reader } = await connect(fx.users.cara);
    const article = fx.articles[2]!;
    const isArticle = (e: TSseEvent) => e.event === "article" && (e.data as { articleId?: string }).articleId === article.id;
    expect((await call(articleRoute.PATCH, "PATCH", "/x", { id: article.id }, { user: fx.users.ben, body: { outlet: "Renamed outlet" } })).status).toBe(200);
    await reader.until(isArticle);
    const body = `${article.body}\n\nA correction appended for the live test.`;
    expect((await call(bodyRoute.PUT, "PUT", "/x", { id: article.id }, { user: fx.users.ben, body: { body } })).status).toBe(200);
    await reader.until(isArticle);
  });

  it("announces an import once per article it added to", async () => {
    const first = await create(fx.users.admin, 0);
    const second = await create(fx.users.admin, 1);
    const csv = (await getExport("csv", { raw: "1", author: fx.users.admin.id }, fx.users.admin)).text;
    for (const { id } of [first, second]) {
      expect((await call(annotationRoute.DELETE, "DELETE", "/x", { id }, { user: fx.users.admin })).status).toBe(204);
    }
    const { reader } = await connect(fx.users.ben);
    const imported = await postImport(importAnnotationsRoute, "/api/import/annotations", { user: fx.users.admin, files: [{ name: "a.csv", text: csv }] });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    const articles = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const e = (await reader.next())!;
      expect(e.event).toBe("annotation");
      expect(e.data).not.toHaveProperty("annotationId");
      articles.add((e.data as { articleId: string }).articleId);
    }
    expect(articles).toEqual(new Set([first.articleId, second.articleId]));
  });

  it("never delivers another team's changes", async () => {
    const { reader } = await connect(fx.users.ben);
    const theirs = await call(annotationsRoute.POST, "POST", "/x", { id: fx.otherArticle.id }, {
      user: fx.users.olga,
      body: { start: 0, end: 6, tag: "opinion" },
    });
    expect(theirs.status).toBe(201);
    const ours = await create(fx.users.ana);
    const { before } = await reader.until(isAnnotation(ours.id));
    expect(before).toEqual([]);
    expect(reader.raw.join("\n")).not.toContain(fx.otherArticle.id);
  });

  it("delivers a change naming its recipients to them only", async () => {
    const ben = await connect(fx.users.ben);
    const cara = await connect(fx.users.cara);
    publishChange({ teamId: fx.teamId, kind: "notification", annotationId: "for-ben", userIds: [fx.users.ben.id] });
    const ours = await create(fx.users.ana);
    const heard = await ben.reader.until(isAnnotation(ours.id));
    expect(heard.before.map((e) => e.data)).toEqual([{ kind: "notification", annotationId: "for-ben" }]);
    expect((await cara.reader.until(isAnnotation(ours.id))).before).toEqual([]);
  });

  it("sends heartbeats while the session lasts, and ends when it no longer does", async () => {
    const req = await makeRequest("GET", "/api/events", { user: fx.users.cara });
    const abort = new AbortController();
    const response = await openEventStream({
      user: await sessionUserOf(fx.users.cara),
      signal: abort.signal,
      stillAuthorized: async () => (await userFromRequest(req)) !== null,
      heartbeatMs: 50,
    });
    const chunks = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes(": heartbeat")) text += decoder.decode((await chunks.read()).value);
    // A role change or password change ends every session of the user.
    const { getDb } = await import("@/lib/db/client");
    await getDb().user.update({ where: { id: fx.users.cara.id }, data: { sessionVersion: { increment: 1 } } });
    for (;;) {
      const { done } = await chunks.read();
      if (done) break;
    }
    abort.abort();
  });

  it("ends the stream and stops listening when the client goes away", async () => {
    const { reader, abort } = await connect(fx.users.ben);
    abort.abort();
    expect(await reader.next()).toBeNull();
  });
});
