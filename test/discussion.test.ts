import { beforeAll, describe, expect, it } from "vitest";
import * as repliesRoute from "@/app/api/annotations/[id]/replies/route";
import * as resolveRoute from "@/app/api/annotations/[id]/resolve/route";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as reviewsRoute from "@/app/api/annotations/[id]/reviews/route";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import * as replyRoute from "@/app/api/replies/[id]/route";
import * as membersRoute from "@/app/api/team/members/route";
import { ZListRepliesResponse, ZReplyResponse } from "@/app/api/annotations/[id]/replies/route.types";
import { ZTeamMembersResponse } from "@/app/api/team/members/route.types";
import { MAX_REPLY_CODE_POINTS } from "@/lib/discussion/schemas";
import { getDb } from "@/lib/db/client";
import { call, seedFixtures, type TestUser } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let articleId: string;
beforeAll(async () => {
  fx = await seedFixtures();
  articleId = fx.articles[0]!.id;
});

let span = 0;
const annotate = async (user: TestUser = fx.users.ana) => {
  const start = 5 + span++ * 4;
  const r = await call(annotationsRoute.POST, "POST", "/x", { id: articleId }, { user, body: { start, end: start + 3, tag: "opinion" } });
  expect(r.status).toBe(201);
  return r.json.id as string;
};
const reply = (user: TestUser, id: string, body: unknown) => call(repliesRoute.POST, "POST", "/x", { id }, { user, body });
const thread = (user: TestUser, id: string) => call(repliesRoute.GET, "GET", "/x", { id }, { user });
const edit = (user: TestUser, id: string, body: unknown) => call(replyRoute.PATCH, "PATCH", "/x", { id }, { user, body });
const remove = (user: TestUser, id: string) => call(replyRoute.DELETE, "DELETE", "/x", { id }, { user });
const resolve = (user: TestUser, id: string, body: unknown) => call(resolveRoute.POST, "POST", "/x", { id }, { user, body });
const rows = async () => ({ replies: await getDb().reply.count(), notifications: await getDb().notification.count(), audit: await getDb().auditEvent.count() });

describe("threads", () => {
  it("lists replies oldest first with their authors, and whether the thread is resolved", async () => {
    const id = await annotate();
    const empty = await thread(fx.users.ben, id);
    expect(empty.status).toBe(200);
    expect(empty.json).toEqual({ replies: [], resolved: false, resolvedBy: null });
    const first = await reply(fx.users.ben, id, { text: "Is this really opinion?" });
    expect(first.status).toBe(201);
    expect(ZReplyResponse.parse(first.json)).toMatchObject({
      annotationId: id,
      author: { id: fx.users.ben.id, name: "Ben Reviewer", email: "ben@example.com" },
      text: "Is this really opinion?",
    });
    const second = await reply(fx.users.ana, id, { text: "Yes: the writer's own view." });
    const list = await thread(fx.users.cara, id);
    expect(ZListRepliesResponse.parse(list.json).replies.map((r) => r.id)).toEqual([first.json.id, second.json.id]);
    expect(list.json.resolved).toBe(false);
  });

  it("records an audit event with every write", async () => {
    const id = await annotate();
    const r = await reply(fx.users.ben, id, { text: "noted" });
    await edit(fx.users.ben, r.json.id, { text: "noted, thanks" });
    await resolve(fx.users.cara, id, { resolved: true });
    await resolve(fx.users.cara, id, { resolved: false });
    await remove(fx.users.ben, r.json.id);
    const events = await getDb().auditEvent.findMany({ where: { entityId: { in: [id, r.json.id] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(events.map((e) => e.action)).toEqual(["annotation.create", "reply.create", "reply.update", "thread.resolve", "thread.reopen", "reply.delete"]);
  });

  it("lets only the author edit or delete a reply (403 NOT_AUTHOR), leaving it as it was", async () => {
    const id = await annotate();
    const r = await reply(fx.users.ben, id, { text: "original" });
    for (const user of [fx.users.ana, fx.users.cara, fx.users.admin]) {
      const changed = await edit(user, r.json.id, { text: "hijacked" });
      expect(changed.status).toBe(403);
      expect(changed.json.error).toMatchObject({ code: "NOT_AUTHOR", message: "Only the author of a reply can edit it." });
      const deleted = await remove(user, r.json.id);
      expect(deleted.status).toBe(403);
      expect(deleted.json.error.message).toBe("Only the author of a reply can delete it.");
    }
    expect((await getDb().reply.findUniqueOrThrow({ where: { id: r.json.id } })).text).toBe("original");

    const edited = await edit(fx.users.ben, r.json.id, { text: "edited" });
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ id: r.json.id, text: "edited" });
    expect(Date.parse(edited.json.updatedAt)).toBeGreaterThanOrEqual(Date.parse(r.json.updatedAt));
    const gone = await remove(fx.users.ben, r.json.id);
    expect(gone.status).toBe(204);
    expect((await thread(fx.users.ben, id)).json.replies).toEqual([]);
    expect((await remove(fx.users.ben, r.json.id)).status).toBe(404);
  });

  it("lets any teammate resolve and reopen a thread", async () => {
    const id = await annotate();
    const resolved = await resolve(fx.users.cara, id, { resolved: true });
    expect(resolved.status).toBe(200);
    expect(resolved.json).toEqual({ resolved: true });
    const row = await getDb().annotation.findUniqueOrThrow({ where: { id } });
    expect(row.threadResolvedById).toBe(fx.users.cara.id);
    expect(row.threadResolvedAt).toBeInstanceOf(Date);
    expect((await thread(fx.users.ana, id)).json).toMatchObject({ resolved: true, resolvedBy: { id: fx.users.cara.id, name: "Cara Annotator" } });
    // Resolving again changes nothing and records nothing.
    const before = await rows();
    expect((await resolve(fx.users.ben, id, { resolved: true })).json).toEqual({ resolved: true });
    expect(await rows()).toEqual(before);
    expect((await getDb().annotation.findUniqueOrThrow({ where: { id } })).threadResolvedById).toBe(fx.users.cara.id);

    const reopened = await resolve(fx.users.ben, id, { resolved: false });
    expect(reopened.json).toEqual({ resolved: false });
    expect(await getDb().annotation.findUniqueOrThrow({ where: { id } })).toMatchObject({ threadResolvedAt: null, threadResolvedById: null });
    // The thread's state is not a change of the annotation itself.
    expect((await getDb().annotation.findUniqueOrThrow({ where: { id } })).updatedAt).toEqual(row.updatedAt);
  });

  it("seals threads by team, and a deleted annotation's thread is gone (404)", async () => {
    const id = await annotate();
    const r = await reply(fx.users.ben, id, { text: "ours" });
    const before = await rows();
    expect((await thread(fx.users.olga, id)).status).toBe(404);
    expect((await reply(fx.users.olga, id, { text: "theirs" })).status).toBe(404);
    expect((await edit(fx.users.olga, r.json.id, { text: "theirs" })).status).toBe(404);
    expect((await remove(fx.users.olga, r.json.id)).status).toBe(404);
    expect((await resolve(fx.users.olga, id, { resolved: true })).status).toBe(404);
    expect((await thread(fx.users.ben, "no-such-annotation")).status).toBe(404);
    expect((await edit(fx.users.ben, "no-such-reply", { text: "x" })).json.error).toMatchObject({ code: "NOT_FOUND", message: "Reply not found." });
    expect(await rows()).toEqual(before);

    expect((await call(annotationRoute.DELETE, "DELETE", "/x", { id }, { user: fx.users.ana })).status).toBe(204);
    const after = await rows();
    expect((await thread(fx.users.ben, id)).status).toBe(404);
    expect((await reply(fx.users.ben, id, { text: "too late" })).status).toBe(404);
    expect((await edit(fx.users.ben, r.json.id, { text: "too late" })).status).toBe(404);
    expect((await remove(fx.users.ben, r.json.id)).status).toBe(404);
    expect((await resolve(fx.users.ben, id, { resolved: true })).status).toBe(404);
    expect(await rows()).toEqual(after);
  });

  it("refuses bad input with a clear 400 and stores nothing", async () => {
    const id = await annotate();
    const r = await reply(fx.users.ben, id, { text: "fine" });
    const cases: [unknown, string][] = [
      [{ text: "" }, "text: must not be empty"],
      [{ text: " \n\t " }, "text: must not be empty"],
      [{ text: "x".repeat(MAX_REPLY_CODE_POINTS + 1) }, `text: must be at most ${MAX_REPLY_CODE_POINTS} characters`],
      [{ text: 42 }, "text:"],
      [{}, "text:"],
      [{ text: "bad \u0000 char" }, "text: contains the control character U+0000"],
      [[], ""],
    ];
    const before = await rows();
    for (const [body, message] of cases) {
      for (const res of [await reply(fx.users.ben, id, body), await edit(fx.users.ben, r.json.id, body)]) {
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.json.error.code).toBe("INVALID_INPUT");
        expect(res.json.error.message).toContain(message);
      }
    }
    for (const body of [{ resolved: "yes" }, {}, { resolved: 1 }]) {
      const res = await resolve(fx.users.ben, id, body);
      expect(res.status).toBe(400);
      expect(res.json.error).toMatchObject({ code: "INVALID_INPUT", field: "resolved", message: "resolved: must be true or false" });
    }
    const notJson = await call(repliesRoute.POST, "POST", "/x", { id }, { user: fx.users.ben, rawBody: "{", headers: { "content-type": "application/json" } });
    expect(notJson.json.error.code).toBe("INVALID_JSON");
    expect(await rows()).toEqual(before);
    expect((await getDb().reply.findUniqueOrThrow({ where: { id: r.json.id } })).text).toBe("fine");
    // Exactly at the limit is fine, counted in code points.
    expect((await reply(fx.users.ben, id, { text: "😀".repeat(MAX_REPLY_CODE_POINTS) })).status).toBe(201);
  });

  it("keeps a deleted annotation's thread for a restore, and drops it with the annotation when it is purged", async () => {
    const start = 5 + span++ * 4;
    const body = { start, end: start + 3, tag: "opinion" };
    const first = await call(annotationsRoute.POST, "POST", "/x", { id: articleId }, { user: fx.users.ana, body });
    const id = first.json.id as string;
    expect((await reply(fx.users.ben, id, { text: "a thought" })).json).toMatchObject({ text: "a thought" });
    expect((await call(annotationRoute.DELETE, "DELETE", "/x", { id }, { user: fx.users.ana })).status).toBe(204);
    expect(await getDb().reply.count({ where: { annotationId: id } })).toBe(1);
    expect(await getDb().notification.count({ where: { annotationId: id } })).toBe(1);
    // Saving the same span and tag again replaces the deleted annotation for good, and its thread with it.
    const again = await call(annotationsRoute.POST, "POST", "/x", { id: articleId }, { user: fx.users.ana, body });
    expect(again.status).toBe(201);
    expect(again.json.id).not.toBe(id);
    expect(await getDb().reply.count({ where: { annotationId: id } })).toBe(0);
    expect(await getDb().notification.count({ where: { annotationId: id } })).toBe(0);
  });

  it("keeps reviews out of the replies: they stay at /reviews", async () => {
    const id = await annotate();
    await call(reviewsRoute.POST, "POST", "/x", { id }, { user: fx.users.ben, body: { verdict: "agree" } });
    expect((await thread(fx.users.ana, id)).json.replies).toEqual([]);
  });
});

describe("mentions", () => {
  it("accepts teammates by name or email, and refuses anyone else (400 UNKNOWN_MENTION, nothing stored)", async () => {
    const id = await annotate();
    const ok = await reply(fx.users.ben, id, { text: "@ana reviewer and @CARA@example.com, see mail@example.org" });
    expect(ok.status).toBe(201);
    const before = await rows();
    const unknown = await reply(fx.users.ben, id, { text: "@Ana Reviewer, ask @olga and @Olga Outsider" });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toEqual({
      code: "UNKNOWN_MENTION",
      field: "text",
      message: "No teammates are called “@olga”, “@Olga”: only teammates can be mentioned.",
      mentions: ["@olga", "@Olga"],
    });
    const edited = await edit(fx.users.ben, ok.json.id, { text: "@nobody" });
    expect(edited.json.error).toMatchObject({ code: "UNKNOWN_MENTION", message: "No teammate is called “@nobody”: only teammates can be mentioned." });
    expect(await rows()).toEqual(before);
  });

  it("lists the caller's team for autocomplete, and only it", async () => {
    const ours = await call(membersRoute.GET, "GET", "/x", {}, { user: fx.users.cara });
    expect(ours.status).toBe(200);
    const emails = ZTeamMembersResponse.parse(ours.json).members.map((m) => m.email);
    expect(emails).toEqual(expect.arrayContaining(["ana@example.com", "ben@example.com", "cara@example.com", "admin@example.com"]));
    expect(emails).not.toContain("olga@other.example");
    const theirs = await call(membersRoute.GET, "GET", "/x", {}, { user: fx.users.olga });
    expect(theirs.json.members.map((m: { email: string }) => m.email)).toEqual(["olga@other.example"]);
  });
});
