import { beforeAll, describe, expect, it } from "vitest";
import * as repliesRoute from "@/app/api/annotations/[id]/replies/route";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as reviewsRoute from "@/app/api/annotations/[id]/reviews/route";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import * as readRoute from "@/app/api/notifications/read/route";
import * as notificationsRoute from "@/app/api/notifications/route";
import { ZListNotificationsResponse } from "@/app/api/notifications/route.types";
import * as replyRoute from "@/app/api/replies/[id]/route";
import { getDb } from "@/lib/db/client";
import { call, seedFixtures, type TestUser } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let article: { id: string; title: string; body: string };
beforeAll(async () => {
  fx = await seedFixtures();
  article = fx.articles[0]!;
});

let span = 0;
const annotate = async (user: TestUser = fx.users.ana) => {
  const start = 5 + span++ * 4;
  const r = await call(annotationsRoute.POST, "POST", "/x", { id: article.id }, { user, body: { start, end: start + 3, tag: "opinion" } });
  expect(r.status).toBe(201);
  return r.json as { id: string; quote: string };
};
const reply = async (user: TestUser, id: string, text: string) => {
  const r = await call(repliesRoute.POST, "POST", "/x", { id }, { user, body: { text } });
  expect(r.status).toBe(201);
  return r.json.id as string;
};
const review = async (user: TestUser, id: string, body: unknown) => {
  const r = await call(reviewsRoute.POST, "POST", "/x", { id }, { user, body });
  expect(r.status).toBeLessThan(300);
};
const list = (user: TestUser, query = "") => call(notificationsRoute.GET, "GET", `/api/notifications${query}`, {}, { user });
const markRead = (user: TestUser, body: unknown) => call(readRoute.POST, "POST", "/x", {}, { user, body });

/** Who was told what about an annotation, as "name:kind" sorted. */
async function told(annotationId: string, since = new Date(0)) {
  const rows = await getDb().notification.findMany({ where: { annotationId, createdAt: { gte: since } }, include: { user: true } });
  return rows.map((n) => `${n.user.email.split("@")[0]}:${n.kind}`).sort();
}

describe("who is notified", () => {
  it("tells the annotation's author of a reply, never the actor", async () => {
    const a = await annotate();
    await reply(fx.users.ben, a.id, "I am not sure about this one.");
    expect(await told(a.id)).toEqual(["ana:reply"]);
    // The author answering in their own thread tells the earlier replier, not themselves.
    await reply(fx.users.ana, a.id, "Why not?");
    expect(await told(a.id)).toEqual(["ana:reply", "ben:reply"]);
  });

  it("tells everyone who replied or reviewed earlier, once per reply, a mention winning over a reply", async () => {
    const a = await annotate();
    await review(fx.users.admin, a.id, { verdict: "agree" });
    expect(await told(a.id)).toEqual(["ana:verdict"]);
    await reply(fx.users.ben, a.id, "first");
    const since = new Date();
    await new Promise((r) => setTimeout(r, 5));
    const replyId = await reply(fx.users.cara, a.id, "@Ben Reviewer and @ben@example.com, and @Cara Annotator myself");
    expect(await told(a.id, since)).toEqual(["admin:reply", "ana:reply", "ben:mention"]);
    const rows = await getDb().notification.findMany({ where: { replyId } });
    expect(rows.every((n) => n.actorId === fx.users.cara.id && n.articleId === article.id && n.annotationId === a.id)).toBe(true);
  });

  it("tells the author of both of two replies sent at once, and the earlier replier of the later one", async () => {
    const a = await annotate();
    await Promise.all([reply(fx.users.ben, a.id, "at once, from Ben"), reply(fx.users.cara, a.id, "at once, from Cara")]);
    const kinds = await told(a.id);
    expect(kinds.filter((k) => k === "ana:reply")).toHaveLength(2);
    expect(kinds.filter((k) => k === "ben:reply" || k === "cara:reply")).toHaveLength(1);
  });

  it("tells only the newly mentioned of an edit", async () => {
    const a = await annotate();
    const id = await reply(fx.users.ben, a.id, "cc @Alex Admin");
    expect(await told(a.id)).toEqual(["admin:mention", "ana:reply"]);
    const edit = (text: string) => call(replyRoute.PATCH, "PATCH", "/x", { id }, { user: fx.users.ben, body: { text } });
    expect((await edit("cc @Alex Admin and @cara annotator")).status).toBe(200);
    expect(await told(a.id)).toEqual(["admin:mention", "ana:reply", "cara:mention"]);
    // Mentioned before, or the author of the reply: no one new to tell.
    expect((await edit("cc @cara annotator, @Ben Reviewer (edited)")).status).toBe(200);
    expect(await told(a.id)).toEqual(["admin:mention", "ana:reply", "cara:mention"]);
  });

  it("tells the annotation's author of a verdict when a review is made or changed, not when resent unchanged", async () => {
    const a = await annotate();
    await review(fx.users.ben, a.id, { verdict: "agree" });
    await review(fx.users.ben, a.id, { verdict: "agree" });
    expect(await told(a.id)).toEqual(["ana:verdict"]);
    await review(fx.users.ben, a.id, { verdict: "disagree", comment: "on reflection, reported speech" });
    expect(await told(a.id)).toEqual(["ana:verdict", "ana:verdict"]);
  });

  it("takes a deleted reply's notifications with it", async () => {
    const a = await annotate();
    const id = await reply(fx.users.ben, a.id, "@cara annotator look");
    expect(await told(a.id)).toEqual(["ana:reply", "cara:mention"]);
    expect((await call(replyRoute.DELETE, "DELETE", "/x", { id }, { user: fx.users.ben })).status).toBe(204);
    expect(await told(a.id)).toEqual([]);
  });
});

describe("the notifications list", () => {
  it("answers the caller's own, newest first, with who, which article and which passage", async () => {
    const a = await annotate(fx.users.cara);
    await reply(fx.users.ben, a.id, "a reply for Cara");
    await review(fx.users.ben, a.id, { verdict: "agree" });
    const r = await list(fx.users.cara);
    expect(r.status).toBe(200);
    const body = ZListNotificationsResponse.parse(r.json);
    expect(body.notifications.slice(0, 2)).toMatchObject([
      { kind: "verdict", read: false, annotationId: a.id, articleId: article.id, replyId: null, actor: { id: fx.users.ben.id, name: "Ben Reviewer" }, articleTitle: article.title, quote: a.quote },
      { kind: "reply", read: false, annotationId: a.id, articleId: article.id, actor: { id: fx.users.ben.id, name: "Ben Reviewer" }, quote: a.quote },
    ]);
    expect(body.notifications[1]!.replyId).toEqual(expect.any(String));
    expect(body.unread).toBe(await getDb().notification.count({ where: { userId: fx.users.cara.id, readAt: null } }));
    // Nobody else's.
    const olga = await list(fx.users.olga);
    expect(olga.json).toEqual({ notifications: [], unread: 0, nextCursor: null });
  });

  it("pages with a cursor through every notification once", async () => {
    const a = await annotate(fx.users.admin);
    for (let i = 0; i < 5; i++) await reply(fx.users.ben, a.id, `reply ${i}`);
    const all = await getDb().notification.findMany({ where: { userId: fx.users.admin.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(fx.users.admin, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      expect(page.json.notifications.length).toBeLessThanOrEqual(2);
      seen.push(...page.json.notifications.map((n: { id: string }) => n.id));
      cursor = page.json.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(all.map((n) => n.id));
    expect(pages).toBe(Math.ceil(all.length / 2));
  });

  it("refuses a bad cursor or limit with a clear 400", async () => {
    for (const [query, field] of [["?cursor=nonsense", "cursor"], ["?limit=0", "limit"], ["?limit=101", "limit"], ["?limit=two", "limit"]] as const) {
      const r = await list(fx.users.ana, query);
      expect(r.status, query).toBe(400);
      expect(r.json.error).toMatchObject({ code: "INVALID_INPUT", field });
    }
  });

  it("leaves out notifications about a deleted annotation, from the list and the count", async () => {
    const a = await annotate(fx.users.ana);
    await reply(fx.users.ben, a.id, "soon gone");
    const before = (await list(fx.users.ana, "?limit=100")).json;
    expect(before.notifications.some((n: { annotationId: string }) => n.annotationId === a.id)).toBe(true);
    expect((await call(annotationRoute.DELETE, "DELETE", "/x", { id: a.id }, { user: fx.users.ana })).status).toBe(204);
    const after = (await list(fx.users.ana, "?limit=100")).json;
    expect(after.notifications.some((n: { annotationId: string }) => n.annotationId === a.id)).toBe(false);
    expect(after.unread).toBe(before.unread - 1);
  });
});

describe("marking read", () => {
  it("marks the caller's own by id, changes nothing of anyone else's, and marks all", async () => {
    const a = await annotate(fx.users.ben);
    await reply(fx.users.cara, a.id, "one @Alex Admin");
    await reply(fx.users.cara, a.id, "two");
    const mine = (await list(fx.users.ben)).json;
    const theirs = await getDb().notification.findMany({ where: { userId: fx.users.admin.id, readAt: null } });
    expect(theirs.length).toBeGreaterThan(0);

    const first = mine.notifications[0].id as string;
    const marked = await markRead(fx.users.ben, { ids: [first, ...theirs.map((n) => n.id), "no-such-notification"] });
    expect(marked.status).toBe(200);
    expect(marked.json).toEqual({ unread: mine.unread - 1 });
    expect((await getDb().notification.findUniqueOrThrow({ where: { id: first } })).readAt).toBeInstanceOf(Date);
    expect(await getDb().notification.count({ where: { id: { in: theirs.map((n) => n.id) }, readAt: null } })).toBe(theirs.length);
    expect((await list(fx.users.ben)).json.notifications[0]).toMatchObject({ id: first, read: true });

    // Someone else's ids alone: the same answer as ids that do not exist.
    expect((await markRead(fx.users.ben, { ids: theirs.map((n) => n.id) })).json).toEqual({ unread: mine.unread - 1 });

    expect((await markRead(fx.users.ben, { all: true })).json).toEqual({ unread: 0 });
    expect(await getDb().notification.count({ where: { userId: fx.users.ben.id, readAt: null } })).toBe(0);
    expect(await getDb().notification.count({ where: { id: { in: theirs.map((n) => n.id) }, readAt: null } })).toBe(theirs.length);
  });

  it("refuses a body that is neither ids nor all, and changes nothing", async () => {
    const unread = await getDb().notification.count({ where: { readAt: null } });
    const bodies: { ids?: unknown; all?: unknown }[] = [{}, { ids: [] }, { ids: "abc" }, { ids: [1] }, { all: false }, { all: true, ids: ["x"] }, { all: "true" }];
    for (const body of bodies) {
      const r = await markRead(fx.users.ana, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.code).toBe("INVALID_INPUT");
      expect(r.json.error.message).toMatch(Array.isArray(body.ids) && body.ids.length === 0 ? /^ids: must name at least one notification$/ : /^send \{"ids": \[/);
    }
    expect(await getDb().notification.count({ where: { readAt: null } })).toBe(unread);
  });
});
