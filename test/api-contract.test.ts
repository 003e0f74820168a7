import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure } from "@/test/support/api-failure";
import { z } from "zod";
import * as suggestionsRoute from "@/app/api/articles/[id]/suggestions/route";
import * as codebookRoute from "@/app/api/codebook/route";
import { ZCodebookResponse } from "@/app/api/codebook/route.types";
import { DEFAULT_CODEBOOK } from "@/lib/annotations/codebook";
import { ApiError, createApiClient, type TApiClient } from "@/lib/api-client";
import { ZApiErrorBody } from "@/lib/api-client/error-body";
import { getDb } from "@/lib/db/client";
import { ZSuggestionKey } from "@/lib/suggestions/schemas";
import { getExport } from "@/test/support/export-requests";
import { routeTransport, type TExchange } from "@/test/support/route-transport";
import { call, seedFixtures, type TestUser } from "./helpers";

// The typed client against the real route handlers on a real database (this file runs on SQLite and on
// PostgreSQL): every client function is called, and every answer is parsed with the Z…Response schema of its route
// by the client itself, so a serializer whose output no longer fits its schema fails here as well as in tsc.

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let fox: { id: string; body: string };
const exchanges: TExchange[] = [];
const called = new Set<string>();

/** The client as `user`, counting which of its functions the tests call. */
function clientAs(user: TestUser): TApiClient {
  const client = createApiClient(routeTransport(user, (exchange) => exchanges.push(exchange)));
  return new Proxy(client, {
    get(target, key, receiver) {
      if (typeof key === "string") called.add(key);
      return Reflect.get(target, key, receiver);
    },
  });
}

/** A call that must succeed; an answer that did not fit its schema fails with the schema's own complaint. */
async function ok<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof ApiError && error.code === "UNEXPECTED_RESPONSE" && error.cause) throw error.cause;
    throw error;
  }
}

const file = (name: string, text: string, type = "text/plain") => new File([text], name, { type });

beforeAll(async () => {
  fx = await seedFixtures();
  fox = fx.articles.find((a) => a.outlet === "Fox News Digital")!;
});

describe("annotations, reviews and the review queue", () => {
  it("creates, lists, updates, reviews and deletes through the client", async () => {
    const ana = clientAs(fx.users.ana);
    const ben = clientAs(fx.users.ben);
    const quote = fox.body.slice(40, 70);
    const created = await ok(ana.createAnnotation(fox.id, { start: 40, end: 70, tag: "opinion", note: "first", quote }));
    expect(created).toMatchObject({ articleId: fox.id, start: 40, end: 70, quote, tag: "opinion", author: { id: fx.users.ana.id } });

    const again = await ok(ana.createAnnotation(fox.id, { start: 40, end: 70, tag: "opinion" }));
    expect(again.id).toBe(created.id);

    const { annotations } = await ok(ana.listAnnotations(fox.id));
    expect(annotations.map((a) => a.id)).toContain(created.id);

    expect(await ok(ana.updateAnnotation(created.id, { note: "second" }))).toMatchObject({ id: created.id, note: "second" });

    expect((await ok(ben.reviewQueue({ limit: 20, tag: "opinion" }))).items.map((i) => i.id)).toContain(created.id);
    const page = await ok(ben.reviewQueue({ limit: 1 }));
    expect(page.items).toHaveLength(1);

    expect((await ok(ana.listReviews(created.id))).reviews).toEqual([]);
    const review = await ok(ben.submitReview(created.id, { verdict: "disagree", suggestedTag: "anonymous-source", comment: "unnamed" }));
    expect(review).toMatchObject({ verdict: "disagree", suggestedTag: "anonymous-source", reviewer: { id: fx.users.ben.id } });
    expect((await ok(ana.listReviews(created.id))).reviews).toEqual([review]);

    const score = await ok(ana.articleScore(fox.id));
    expect(score.annotators).toBeGreaterThanOrEqual(1);

    await expect(ana.deleteAnnotation(created.id)).resolves.toBeUndefined();
    expect(await getDb().annotation.findFirst({ where: { id: created.id, deletedAt: null } })).toBeNull();
    const restored = await ok(ana.restoreAnnotation(created.id));
    expect(restored).toMatchObject({ id: created.id, note: "second", status: "rejected", disagreeCount: 1 });
    expect(await failure(ana.restoreAnnotation(created.id))).toMatchObject({ status: 409, code: "NOT_DELETED" });
  });

  it("reports the API's errors as ApiError with status, code, message and field", async () => {
    const ana = clientAs(fx.users.ana);
    const invalid = await failure(ana.createAnnotation(fox.id, { start: 5, end: 2, tag: "opinion" }));
    expect(invalid).toMatchObject({ status: 400, code: "INVALID_INPUT", field: "end" });
    expect(invalid.message).toMatch(/^end: /);

    const missing = await failure(ana.listReviews("no-such-annotation"));
    expect(missing).toMatchObject({ status: 404, code: "NOT_FOUND" });

    const forbidden = await failure(clientAs(fx.users.cara).createArticle({ title: "T", body: "Some text." }));
    expect(forbidden).toMatchObject({ status: 403, code: "FORBIDDEN" });
  });
});

describe("suggestions", () => {
  it("accepts one suggestion as an annotation and dismisses another", async () => {
    const listed = await call(suggestionsRoute.GET, "GET", "/x", { id: fox.id }, { user: fx.users.ben });
    const [first, second] = z.object({ suggestions: z.array(ZSuggestionKey) }).parse(listed.json).suggestions;
    expect(first && second).toBeTruthy();
    const ben = clientAs(fx.users.ben);
    const accepted = await ok(ben.acceptSuggestion(fox.id, { start: first!.start, end: first!.end, tag: first!.tag }));
    expect(accepted).toMatchObject({ start: first!.start, end: first!.end, tag: first!.tag, author: { id: fx.users.ben.id } });
    await expect(ben.dismissSuggestion(fox.id, { start: second!.start, end: second!.end, tag: second!.tag })).resolves.toBeUndefined();
  });
});

describe("articles and imports", () => {
  it("creates an article from the paste form's fields", async () => {
    const article = await ok(
      clientAs(fx.users.ana).createArticle({ title: "Pasted", body: "A pasted text.", outlet: "Desk", publishedAt: "2025-04", storyId: fx.storyId }),
    );
    expect(article).toMatchObject({ title: "Pasted", outlet: "Desk", publishedAt: "2025-04", story: { id: fx.storyId } });
  });

  it("imports article files, in a dry run and for real, and reports a refused file's problems", async () => {
    const ana = clientAs(fx.users.ana);
    const form = () => {
      const data = new FormData();
      data.append("file", file("one.txt", "The first imported text."));
      data.append("file", file("two.md", "# Second\n\nThe second imported text."));
      data.set("outlet", "Wire");
      return data;
    };
    const dry = form();
    dry.set("dryRun", "1");
    expect(await ok(ana.importArticles(dry))).toMatchObject({ dryRun: true, created: [{ id: null }, { id: null }] });
    const done = await ok(ana.importArticles(form()));
    expect(done.created.map((c) => c.title).sort()).toEqual(["Second", "one"]);
    expect((await ok(ana.importArticles(form()))).duplicates).toHaveLength(2);

    const bad = new FormData();
    bad.append("file", file("bad.csv", "title,body\n,no title here\n,nor here\n", "text/csv"));
    const refused = await failure(ana.importArticles(bad));
    expect(refused).toMatchObject({ status: 400, code: "IMPORT_REJECTED", problemCount: 2 });
    expect(refused.problems.map((p) => p.line)).toEqual([2, 3]);
  });

  it("imports an annotation export: new annotations and the ones the team already has", async () => {
    const ana = clientAs(fx.users.ana);
    const kept = await ok(ana.createAnnotation(fox.id, { start: 100, end: 130, tag: "anonymous-source" }));
    const dropped = await ok(ana.createAnnotation(fox.id, { start: 140, end: 160, tag: "official-statement" }));
    const csv = (await getExport("csv", { raw: "1" }, fx.users.ana)).text;
    await ok(ana.deleteAnnotation(dropped.id));
    const data = new FormData();
    data.append("file", file("export.csv", csv, "text/csv"));
    // The export holds teammates' annotations too, which only an admin may import in their names.
    const result = await ok(clientAs(fx.users.admin).importAnnotations(data));
    expect(result).toMatchObject({ dryRun: false, format: "csv", created: 1 });
    expect(result.duplicates.map((d) => d.existingId)).toContain(kept.id);
    expect(result.articles.find((a) => a.id === fox.id)?.matchedBy).toBeDefined();
  });
});

describe("account and team", () => {
  it("changes weights, adds a teammate and changes a role (admin)", async () => {
    const admin = clientAs(fx.users.admin);
    expect(await ok(admin.setWeights({ "anonymous-source": -2, "official-statement": 1.5, opinion: -0.5 }))).toEqual({
      weights: { "anonymous-source": -2, "official-statement": 1.5, opinion: -0.5 },
    });
    const added = await ok(admin.addTeamUser({ name: "Dee New", email: "dee@example.com", role: "annotator", password: "a-long-password" }));
    expect(added).toMatchObject({ name: "Dee New", email: "dee@example.com", role: "annotator" });
    expect(await ok(admin.changeRole(added.id, { role: "reviewer" }))).toMatchObject({ id: added.id, role: "reviewer" });
  });

  it("changes the caller's password, which ends the session the client used", async () => {
    const cara = clientAs(fx.users.cara);
    const wrong = await failure(cara.changePassword({ currentPassword: "not-it", newPassword: "another-long-one" }));
    expect(wrong).toMatchObject({ status: 400, code: "WRONG_PASSWORD", field: "currentPassword" });
    expect(await ok(cara.changePassword({ currentPassword: "credibility-demo", newPassword: "another-long-one" }))).toEqual({
      ok: true,
      loggedOut: true,
    });
    const ended = await failure(cara.articleScore(fox.id));
    expect(ended).toMatchObject({ status: 401, code: "UNAUTHORIZED", message: "Your session has ended. Log in again." });
  });
});

describe("codebook", () => {
  it("saves a tag's own wording and resets it to the built-in one (admin)", async () => {
    const admin = clientAs(fx.users.admin);
    const entry = { ...DEFAULT_CODEBOOK.opinion, definition: "A view, not a fact." };
    expect(await ok(admin.updateCodebookEntry("opinion", entry))).toMatchObject({
      tag: "opinion",
      definition: "A view, not a fact.",
      isDefault: false,
      updatedBy: { id: fx.users.admin.id },
    });
    const invalid = await failure(admin.updateCodebookEntry("opinion", { ...entry, definition: " " }));
    expect(invalid).toMatchObject({ status: 400, code: "INVALID_INPUT", field: "definition" });
    expect(await ok(admin.resetCodebookEntry("opinion"))).toMatchObject({ tag: "opinion", isDefault: true, updatedBy: null });
  });

  it("lists every tag's entry in the shape of ZCodebookResponse (read by the pages, not the client)", async () => {
    await ok(clientAs(fx.users.admin).updateCodebookEntry("opinion", { ...DEFAULT_CODEBOOK.opinion, example: "I think so." }));
    const listed = await call(codebookRoute.GET, "GET", "/api/codebook", {}, { user: fx.users.ben });
    expect(listed.status).toBe(200);
    const { entries } = ZCodebookResponse.parse(listed.json);
    expect(entries.map((e) => [e.tag, e.isDefault])).toEqual([
      ["anonymous-source", true],
      ["official-statement", true],
      ["opinion", false],
    ]);
  });
});

describe("threads and notifications", () => {
  it("replies, edits, resolves, mentions and reads notifications through the client", async () => {
    const ana = clientAs(fx.users.ana);
    const ben = clientAs(fx.users.ben);
    const annotation = await ok(ana.createAnnotation(fox.id, { start: 80, end: 95, tag: "opinion" }));
    const { members } = await ok(ben.teamMembers());
    expect(members.map((m) => m.email)).toContain("ana@example.com");

    const reply = await ok(ben.createReply(annotation.id, { text: "@Ana Reviewer is this opinion?" }));
    expect(reply).toMatchObject({ annotationId: annotation.id, author: { id: fx.users.ben.id }, text: "@Ana Reviewer is this opinion?" });
    expect(await failure(ben.createReply(annotation.id, { text: "@nobody" }))).toMatchObject({ status: 400, code: "UNKNOWN_MENTION", field: "text" });
    expect(await failure(ana.updateReply(reply.id, { text: "mine now" }))).toMatchObject({ status: 403, code: "NOT_AUTHOR" });
    const edited = await ok(ben.updateReply(reply.id, { text: "@Ana Reviewer is this really opinion?" }));
    expect(edited.text).toBe("@Ana Reviewer is this really opinion?");
    expect(await ok(ana.listReplies(annotation.id))).toEqual({ replies: [edited], resolved: false, resolvedBy: null });
    expect(await ok(ana.resolveThread(annotation.id, { resolved: true }))).toEqual({ resolved: true });

    const listed = await ok(ana.listNotifications({ limit: 1 }));
    expect(listed.notifications[0]).toMatchObject({ kind: "mention", annotationId: annotation.id, replyId: reply.id, actor: { id: fx.users.ben.id } });
    expect(await ok(ana.markNotificationsRead({ ids: [listed.notifications[0]!.id] }))).toEqual({ unread: listed.unread - 1 });
    expect(await ok(ana.markNotificationsRead({ all: true }))).toEqual({ unread: 0 });

    await expect(ben.deleteReply(reply.id)).resolves.toBeUndefined();
    expect((await ok(ana.listReplies(annotation.id))).replies).toEqual([]);
  });
});

describe("the contract as a whole", () => {
  // Runs after the tests above (vitest runs a file's tests in order).
  it("reads a saved page, edits an article's details, manages stories and corrects the text", async () => {
    const ben = clientAs(fx.users.ben);
    const read = await ok(ben.extractArticle({ html: `<html><head><title>T</title></head><body><article><h1>Headline</h1><p>${"Officials said the plan would change. ".repeat(12)}</p></article></body></html>` }));
    expect(read.body).toContain("Officials said the plan would change.");
    const article = await ok(ben.createArticle({ title: "Contract article", body: "First version of the text, with a quote that stays." }));
    const story = await ok(ben.createStory({ title: `Contract story ${Date.now()}` }));
    expect((await ok(ben.listStories())).stories.map((s) => s.id)).toContain(story.id);
    expect(await ok(ben.updateArticle(article.id, { outlet: "The Contract", storyId: story.id }))).toMatchObject({ outlet: "The Contract", story: { id: story.id } });
    expect(await ok(ben.updateStory(story.id, { title: `${story.title} (renamed)` }))).toMatchObject({ articleCount: 1 });
    expect((await ok(ben.search({ q: "contract", outlet: "The Contract" }))).results).toEqual([
      { kind: "article", articleId: article.id, title: "Contract article", snippet: "First version of the text, with a quote that stays." },
    ]);
    const corrected = await ok(ben.correctArticle(article.id, { body: "Second version of the text, with a quote that stays." }));
    expect(corrected).toEqual({ version: 2, reanchored: 0, orphaned: [] });
  });

  it("every error body the routes gave fits the documented error shape", () => {
    const errors = exchanges.filter((e) => e.status >= 400);
    expect(errors.length).toBeGreaterThanOrEqual(8);
    for (const exchange of errors) expect(ZApiErrorBody.safeParse(exchange.body).error, `${exchange.method} ${exchange.path}`).toBeUndefined();
  });

  it("calls every function of the client: an endpoint added to the client needs a contract test here", () => {
    const functions = Object.keys(createApiClient());
    expect(functions.filter((name) => !called.has(name))).toEqual([]);
  });
});

afterAll(() => {
  exchanges.length = 0;
});
