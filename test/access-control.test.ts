// Every API route, for every kind of caller: the exact status of spec/api.md, and nothing written on refusal.
// A route file without rows here fails the first test.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CODEBOOK } from "@/lib/annotations/codebook";
import { isMethodRefusal } from "@/lib/api/methods";
import { getDb } from "@/lib/db/client";
import { call, seedFixtures, type TestUser } from "./helpers";
import { routeFiles } from "./support/route-files";

type Role = "anonymous" | "outsider" | "annotator" | "reviewer" | "admin";
const ROLES: Role[] = ["anonymous", "outsider", "annotator", "reviewer", "admin"];

type Target = {
  params: Record<string, string | string[]>;
  body?: unknown;
  query?: string;
  rawBody?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};
type Row = {
  route: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Builds a fresh target for each call, so a successful write never changes what the next caller sees. */
  target: () => Promise<Target>;
  expect: Record<Role, number>;
};

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let articleId: string;
const userFor = (role: Role): TestUser | undefined =>
  ({ anonymous: undefined, outsider: fx.users.olga, annotator: fx.users.cara, reviewer: fx.users.ben, admin: fx.users.admin })[role];

let spanCounter = 0;
async function annotationByAna() {
  const db = getDb();
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
  const start = (spanCounter++ * 3) % (article.bodyLength - 10);
  const a = await db.annotation.create({
    data: { articleId, authorId: fx.users.ana.id, start, end: start + 5, quote: "", prefix: "", suffix: "", tag: "opinion" },
  });
  return a.id;
}
async function deletedAnnotationByAna() {
  const id = await annotationByAna();
  await getDb().annotation.update({ where: { id }, data: { deletedAt: new Date(), deletedById: fx.users.ana.id } });
  return id;
}
async function replyByAna() {
  const reply = await getDb().reply.create({ data: { annotationId: await annotationByAna(), authorId: fx.users.ana.id, text: "Ana's reply" } });
  return reply.id;
}
let bodyCounter = 0;

const ROWS: Row[] = [
  { route: "me", method: "GET", target: async () => ({ params: {} }), expect: { anonymous: 401, outsider: 200, annotator: 200, reviewer: 200, admin: 200 } },
  {
    // Only ever one's own password; a wrong current password is refused and changes nothing (sessions.test.ts covers success).
    route: "me/password",
    method: "POST",
    target: async () => ({ params: {}, body: { currentPassword: "not-the-password", newPassword: "a-brand-new-password" } }),
    expect: { anonymous: 401, outsider: 400, annotator: 400, reviewer: 400, admin: 400 },
  },
  { route: "articles", method: "GET", target: async () => ({ params: {} }), expect: { anonymous: 401, outsider: 200, annotator: 200, reviewer: 200, admin: 200 } },
  {
    route: "articles",
    method: "POST",
    target: async () => ({ params: {}, body: { title: "Access check", body: `Unique body ${bodyCounter++} for the access table.` } }),
    expect: { anonymous: 401, outsider: 201, annotator: 403, reviewer: 201, admin: 201 },
  },
  {
    route: "articles/extract",
    method: "POST",
    target: async () => ({ params: {}, body: { html: `<html><body><article><h1>Access</h1><p>${"A paragraph of an article for the access table. ".repeat(8)}</p></article></body></html>` } }),
    expect: { anonymous: 401, outsider: 200, annotator: 403, reviewer: 200, admin: 200 },
  },
  { route: "articles/[id]", method: "GET", target: async () => ({ params: { id: articleId } }), expect: { anonymous: 401, outsider: 404, annotator: 200, reviewer: 200, admin: 200 } },
  {
    route: "articles/[id]",
    method: "PATCH",
    target: async () => ({ params: { id: articleId }, body: { outlet: `Outlet ${bodyCounter++}` } }),
    expect: { anonymous: 401, outsider: 404, annotator: 403, reviewer: 200, admin: 200 },
  },
  {
    route: "articles/[id]/body",
    method: "PUT",
    target: async () => {
      const article = await getDb().article.create({
        data: { teamId: fx.teamId, title: "To correct", body: `Text ${bodyCounter} before.`, bodyHash: `correct-${bodyCounter++}`, bodyLength: 0 },
      });
      await getDb().article.update({ where: { id: article.id }, data: { bodyLength: article.body.length } });
      return { params: { id: article.id }, body: { body: `Text ${bodyCounter++} after the correction.` } };
    },
    expect: { anonymous: 401, outsider: 404, annotator: 403, reviewer: 200, admin: 200 },
  },
  { route: "articles/[id]/orphans", method: "GET", target: async () => ({ params: { id: articleId } }), expect: { anonymous: 401, outsider: 404, annotator: 200, reviewer: 200, admin: 200 } },
  { route: "search", method: "GET", target: async () => ({ params: {}, query: "?q=officials" }), expect: { anonymous: 401, outsider: 200, annotator: 200, reviewer: 200, admin: 200 } },
  { route: "stories", method: "GET", target: async () => ({ params: {} }), expect: { anonymous: 401, outsider: 200, annotator: 200, reviewer: 200, admin: 200 } },
  {
    route: "stories",
    method: "POST",
    target: async () => ({ params: {}, body: { title: `Access story ${bodyCounter++}` } }),
    expect: { anonymous: 401, outsider: 201, annotator: 403, reviewer: 201, admin: 201 },
  },
  {
    route: "stories/[id]",
    method: "PATCH",
    target: async () => {
      const story = await getDb().story.create({ data: { teamId: fx.teamId, title: `Access story ${bodyCounter++}` } });
      return { params: { id: story.id }, body: { title: `Renamed story ${bodyCounter++}` } };
    },
    expect: { anonymous: 401, outsider: 404, annotator: 403, reviewer: 200, admin: 200 },
  },
  { route: "articles/[id]/annotations", method: "GET", target: async () => ({ params: { id: articleId } }), expect: { anonymous: 401, outsider: 404, annotator: 200, reviewer: 200, admin: 200 } },
  {
    route: "articles/[id]/annotations",
    method: "POST",
    target: async () => ({ params: { id: articleId }, body: { start: 10 + spanCounter++, end: 40 + spanCounter, tag: "opinion" } }),
    expect: { anonymous: 401, outsider: 404, annotator: 201, reviewer: 201, admin: 201 },
  },
  { route: "articles/[id]/agreement", method: "GET", target: async () => ({ params: { id: articleId } }), expect: { anonymous: 401, outsider: 404, annotator: 200, reviewer: 200, admin: 200 } },
  { route: "articles/[id]/score", method: "GET", target: async () => ({ params: { id: articleId } }), expect: { anonymous: 401, outsider: 404, annotator: 200, reviewer: 200, admin: 200 } },
  {
    route: "annotations/[id]",
    method: "PATCH",
    target: async () => ({ params: { id: await annotationByAna() }, body: { note: "changed" } }),
    expect: { anonymous: 401, outsider: 404, annotator: 403, reviewer: 403, admin: 403 },
  },
  {
    route: "annotations/[id]",
    method: "DELETE",
    target: async () => ({ params: { id: await annotationByAna() } }),
    expect: { anonymous: 401, outsider: 404, annotator: 403, reviewer: 403, admin: 204 },
  },
  {
    route: "annotations/[id]/restore",
    method: "POST",
    target: async () => ({ params: { id: await deletedAnnotationByAna() } }),
    expect: { anonymous: 401, outsider: 404, annotator: 403, reviewer: 403, admin: 200 },
  },
  { route: "annotations/[id]/reviews", method: "GET", target: async () => ({ params: { id: await annotationByAna() } }), expect: { anonymous: 401, outsider: 404, annotator: 200, reviewer: 200, admin: 200 } },
  {
    route: "annotations/[id]/reviews",
    method: "POST",
    target: async () => ({ params: { id: await annotationByAna() }, body: { verdict: "agree" } }),
    expect: { anonymous: 401, outsider: 404, annotator: 201, reviewer: 201, admin: 201 },
  },
  {
    // A stream: the client has already gone, so it ends after its opening and the table can read it whole.
    route: "events",
    method: "GET",
    target: async () => ({ params: {}, signal: AbortSignal.abort() }),
    expect: { anonymous: 401, outsider: 200, annotator: 200, reviewer: 200, admin: 200 },
  },
  { route: "annotations/[id]/replies", method: "GET", target: async () => ({ params: { id: await annotationByAna() } }), expect: { anonymous: 401, outsider: 404, annotator: 200, reviewer: 200, admin: 200 } },
  {
    route: "annotations/[id]/replies",
    method: "POST",
    target: async () => ({ params: { id: await annotationByAna() }, body: { text: "A reply, @Ana Reviewer" } }),
    expect: { anonymous: 401, outsider: 404, annotator: 201, reviewer: 201, admin: 201 },
  },
  {
    // Only its author may change a reply, an admin included.
    route: "replies/[id]",
    method: "PATCH",
    target: async () => ({ params: { id: await replyByAna() }, body: { text: "changed" } }),
    expect: { anonymous: 401, outsider: 404, annotator: 403, reviewer: 403, admin: 403 },
  },
  {
    route: "replies/[id]",
    method: "DELETE",
    target: async () => ({ params: { id: await replyByAna() } }),
    expect: { anonymous: 401, outsider: 404, annotator: 403, reviewer: 403, admin: 403 },
  },
  {
    route: "annotations/[id]/resolve",
    method: "POST",
    target: async () => ({ params: { id: await annotationByAna() }, body: { resolved: true } }),
    expect: { anonymous: 401, outsider: 404, annotator: 200, reviewer: 200, admin: 200 },
  },
  // Always the caller's own: an outsider sees their own (none of this team's).
  { route: "notifications", method: "GET", target: async () => ({ params: {} }), expect: { anonymous: 401, outsider: 200, annotator: 200, reviewer: 200, admin: 200 } },
  {
    route: "notifications/read",
    method: "POST",
    target: async () => ({ params: {}, body: { all: true } }),
    expect: { anonymous: 401, outsider: 200, annotator: 200, reviewer: 200, admin: 200 },
  },
  { route: "team/members", method: "GET", target: async () => ({ params: {} }), expect: { anonymous: 401, outsider: 200, annotator: 200, reviewer: 200, admin: 200 } },
  { route: "review-queue", method: "GET", target: async () => ({ params: {} }), expect: { anonymous: 401, outsider: 200, annotator: 200, reviewer: 200, admin: 200 } },
  { route: "scores", method: "GET", target: async () => ({ params: {}, query: "?groupBy=outlet" }), expect: { anonymous: 401, outsider: 200, annotator: 200, reviewer: 200, admin: 200 } },
  { route: "team/weights", method: "GET", target: async () => ({ params: {} }), expect: { anonymous: 401, outsider: 200, annotator: 200, reviewer: 200, admin: 200 } },
  {
    route: "team/weights",
    method: "PUT",
    target: async () => ({ params: {}, body: { "official-statement": 1, "anonymous-source": -1, opinion: -0.5 } }),
    expect: { anonymous: 401, outsider: 200, annotator: 403, reviewer: 403, admin: 200 },
  },
  { route: "codebook", method: "GET", target: async () => ({ params: {} }), expect: { anonymous: 401, outsider: 200, annotator: 200, reviewer: 200, admin: 200 } },
  {
    route: "codebook/[tag]",
    method: "PUT",
    target: async () => ({ params: { tag: "opinion" }, body: { ...DEFAULT_CODEBOOK.opinion, definition: "The writer's own view." } }),
    expect: { anonymous: 401, outsider: 200, annotator: 403, reviewer: 403, admin: 200 },
  },
  {
    route: "codebook/[tag]",
    method: "DELETE",
    target: async () => ({ params: { tag: "opinion" } }),
    expect: { anonymous: 401, outsider: 200, annotator: 403, reviewer: 403, admin: 200 },
  },
  { route: "team/users", method: "GET", target: async () => ({ params: {} }), expect: { anonymous: 401, outsider: 200, annotator: 403, reviewer: 403, admin: 200 } },
  {
    route: "team/users",
    method: "POST",
    target: async () => ({ params: {}, body: { email: `new${bodyCounter++}@example.com`, name: "New Person", role: "annotator", password: "a-long-password" } }),
    expect: { anonymous: 401, outsider: 201, annotator: 403, reviewer: 403, admin: 201 },
  },
  {
    route: "team/users/[id]",
    method: "PATCH",
    target: async () => ({ params: { id: fx.users.cara.id }, body: { role: "annotator" } }),
    expect: { anonymous: 401, outsider: 404, annotator: 403, reviewer: 403, admin: 200 },
  },
  { route: "audit", method: "GET", target: async () => ({ params: {} }), expect: { anonymous: 401, outsider: 200, annotator: 403, reviewer: 403, admin: 200 } },
  {
    route: "export/annotations.csv",
    method: "GET",
    target: async () => ({ params: {}, query: `?articleId=${articleId}` }),
    expect: { anonymous: 401, outsider: 404, annotator: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "export/discussion.csv",
    method: "GET",
    target: async () => ({ params: {}, query: `?articleId=${articleId}` }),
    expect: { anonymous: 401, outsider: 404, annotator: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "export/annotations.jsonld",
    method: "GET",
    target: async () => ({ params: {}, query: `?articleId=${articleId}` }),
    expect: { anonymous: 401, outsider: 404, annotator: 200, reviewer: 200, admin: 200 },
  },
  {
    route: "import/articles",
    method: "POST",
    target: async () => ({ params: {}, body: [{ title: "Imported", body: `Imported body ${bodyCounter++} for the access table.` }] }),
    expect: { anonymous: 401, outsider: 201, annotator: 403, reviewer: 201, admin: 201 },
  },
  {
    route: "import/annotations",
    method: "POST",
    target: async () => {
      const start = 100 + spanCounter++;
      const item = {
        type: "Annotation",
        // No creator: the annotation is whoever imports it (only an admin may name a teammate).
        body: [{ type: "TextualBody", purpose: "tagging", value: "official-statement" }],
        target: {
          source: `http://localhost:3000/api/articles/${articleId}`,
          selector: [
            { type: "TextQuoteSelector", exact: Array.from(fx.articles[0]!.body).slice(start, start + 5).join("") },
            { type: "TextPositionSelector", start, end: start + 5 },
          ],
        },
      };
      return { params: {}, body: { "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", first: { type: "AnnotationPage", items: [item] } } };
    },
    // The outsider's file names an article and an annotator their team does not have: 400, nothing written.
    expect: { anonymous: 401, outsider: 400, annotator: 403, reviewer: 201, admin: 201 },
  },
  { route: "articles/[id]/suggestions", method: "GET", target: async () => ({ params: { id: articleId } }), expect: { anonymous: 401, outsider: 404, annotator: 200, reviewer: 200, admin: 200 } },
  {
    route: "articles/[id]/suggestions/accept",
    method: "POST",
    target: async () => ({ params: { id: articleId }, body: await nextSuggestion() }),
    expect: { anonymous: 401, outsider: 404, annotator: 201, reviewer: 201, admin: 201 },
  },
  {
    route: "articles/[id]/suggestions/dismiss",
    method: "POST",
    target: async () => ({ params: { id: articleId }, body: await nextSuggestion() }),
    expect: { anonymous: 401, outsider: 404, annotator: 204, reviewer: 204, admin: 204 },
  },
  // A path no route serves: the same JSON 404 for everyone, whatever the method (api-errors.test.ts covers 405s).
  ...(["GET", "POST", "PUT", "PATCH", "DELETE"] as const).map(
    (method): Row => ({
      route: "[[...path]]",
      method,
      target: async () => ({ params: { path: ["nope", "deeper"] }, ...(method === "GET" ? {} : { body: {} }) }),
      expect: { anonymous: 404, outsider: 404, annotator: 404, reviewer: 404, admin: 404 },
    }),
  ),
];

let suggestionIndex = 0;
async function nextSuggestion() {
  const { cachedSuggestions } = await import("@/lib/suggestions/cache");
  const all = cachedSuggestions(fx.articles[0]!.body);
  const s = all[suggestionIndex++ % all.length]!;
  return { start: s.start, end: s.end, tag: s.tag };
}

// Routes that are not ours to table: next-auth's own handlers.
const EXEMPT = new Set(["auth/[...nextauth]"]);


/** What a refused call must leave as it was: row counts, and every annotation's, user's and team's mutable fields. */
async function fingerprint() {
  const db = getDb();
  const byId = { orderBy: { id: "asc" as const } };
  return JSON.stringify({
    articles: await db.article.count(),
    reviews: await db.review.count(),
    replies: await db.reply.findMany({ select: { id: true, text: true }, ...byId }),
    notifications: await db.notification.findMany({ select: { id: true, readAt: true }, ...byId }),
    audit: await db.auditEvent.count(),
    dismissals: await db.suggestionDismissal.count(),
    annotations: await db.annotation.findMany({ select: { id: true, tag: true, note: true, status: true, deletedAt: true, threadResolvedAt: true }, ...byId }),
    users: await db.user.findMany({ select: { id: true, role: true }, ...byId }),
    codebook: await db.codebookEntry.findMany({ orderBy: [{ teamId: "asc" }, { tag: "asc" }] }),
    weights: await db.team.findMany({ select: { id: true, weightOfficialStatement: true, weightAnonymousSource: true, weightOpinion: true }, ...byId }),
  });
}

beforeAll(async () => {
  fx = await seedFixtures();
  articleId = fx.articles[0]!.id;
});

describe("access control", () => {
  it("has a row for every method of every API route", async () => {
    const root = path.resolve(__dirname, "../app/api");
    const missing: string[] = [];
    for (const route of routeFiles(root)) {
      if (EXEMPT.has(route)) continue;
      const mod = (await import(path.join(root, route, "route.ts"))) as Record<string, unknown>;
      for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) {
        if (typeof mod[method] === "function" && !isMethodRefusal(mod[method]) && !ROWS.some((r) => r.route === route && r.method === method)) {
          missing.push(`${method} /api/${route}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  for (const row of ROWS) {
    it(`${row.method} /api/${row.route}`, async () => {
      const mod = (await import(path.resolve(__dirname, "../app/api", row.route, "route.ts"))) as Record<string, any>;
      const handler = mod[row.method];
      expect(typeof handler).toBe("function");
      for (const role of ROLES) {
        const t = await row.target();
        const before = await fingerprint();
        const r = await call(handler, row.method, `/api/${row.route}${t.query ?? ""}`, t.params, {
          ...(userFor(role) ? { user: userFor(role) } : {}),
          ...(t.body !== undefined ? { body: t.body } : {}),
          ...(t.signal ? { signal: t.signal } : {}),
        });
        expect({ role, status: r.status }).toEqual({ role, status: row.expect[role] });
        if (r.status >= 400) {
          expect(r.response.headers.get("content-type")).toContain("application/json");
          expect(r.json.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
          expect(await fingerprint()).toBe(before);
        }
      }
    });
  }
});

describe("sessions", () => {
  it("a role change takes effect on the next request with the same session", async () => {
    const articlesRoute = await import("@/app/api/articles/route");
    const usersRoute = await import("@/app/api/team/users/[id]/route");
    const cookieUser = fx.users.cara;
    const denied = await call(articlesRoute.POST, "POST", "/api/articles", {}, { user: cookieUser, body: { title: "t", body: "role change body one" } });
    expect(denied.status).toBe(403);
    const promote = await call(usersRoute.PATCH, "PATCH", "/x", { id: cookieUser.id }, { user: fx.users.admin, body: { role: "reviewer" } });
    expect(promote.status).toBe(200);
    const allowed = await call(articlesRoute.POST, "POST", "/api/articles", {}, { user: cookieUser, body: { title: "t", body: "role change body two" } });
    expect(allowed.status).toBe(201);
    await call(usersRoute.PATCH, "PATCH", "/x", { id: cookieUser.id }, { user: fx.users.admin, body: { role: "annotator" } });
    const again = await call(articlesRoute.POST, "POST", "/api/articles", {}, { user: cookieUser, body: { title: "t", body: "role change body three" } });
    expect(again.status).toBe(403);
  });

  it("an expired session is refused", async () => {
    const { encode } = await import("next-auth/jwt");
    const meRoute = await import("@/app/api/me/route");
    const token = await encode({ token: { uid: fx.users.ana.id, sv: 0 }, secret: process.env.NEXTAUTH_SECRET!, maxAge: -60 });
    const res = await meRoute.GET(new Request("http://localhost:3000/api/me", { headers: { cookie: `next-auth.session-token=${token}` } }), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(401);
  });

  it("the last admin cannot be demoted", async () => {
    const usersRoute = await import("@/app/api/team/users/[id]/route");
    const r = await call(usersRoute.PATCH, "PATCH", "/x", { id: fx.users.admin.id }, { user: fx.users.admin, body: { role: "reviewer" } });
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe("LAST_ADMIN");
  });
});
