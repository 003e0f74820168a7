import { beforeAll, describe, expect, it } from "vitest";
import * as articleRoute from "@/app/api/articles/[id]/route";
import * as articlesRoute from "@/app/api/articles/route";
import * as meRoute from "@/app/api/me/route";
import { getDb } from "@/lib/db/client";
import { readSeedArticles, seedDatabase } from "@/lib/seed/seed-database";
import { call, DEMO_PASSWORD, seedFixtures } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  fx = await seedFixtures();
});

describe("database", () => {
  it("records applied migrations in _prisma_migrations", async () => {
    const rows = await getDb().$queryRawUnsafe<Array<{ migration_name: string; finished_at: string | null }>>(
      "SELECT migration_name, finished_at FROM _prisma_migrations",
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });
});

describe("seed", () => {
  it("stores the three seed articles byte for byte in one story", async () => {
    const files = readSeedArticles();
    expect(fx.articles).toHaveLength(3);
    for (const f of files) {
      const row = fx.articles.find((a) => a.title === f.title)!;
      expect(Buffer.from(row.body, "utf8").equals(Buffer.from(f.body, "utf8"))).toBe(true);
      expect(row.bodyLength).toBe(Array.from(f.body).length);
      expect(row.storyId).toBe(fx.storyId);
    }
  });

  it("is idempotent", async () => {
    const db = getDb();
    const before = [await db.article.count(), await db.user.count(), await db.team.count(), await db.story.count()];
    const again = await seedDatabase(db, { demoUsers: true, demoPassword: DEMO_PASSWORD });
    expect(again).toMatchObject({ createdArticles: 0, createdUsers: 0 });
    expect([await db.article.count(), await db.user.count(), await db.team.count(), await db.story.count()]).toEqual(before);
  });
});

describe("GET /api/me", () => {
  it("answers 401 JSON without a session", async () => {
    const r = await call(meRoute.GET, "GET", "/api/me", {});
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ error: { code: "UNAUTHORIZED", message: expect.any(String) } });
  });

  it("returns the user with role and team", async () => {
    const r = await call(meRoute.GET, "GET", "/api/me", {}, { user: fx.users.ana });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({
      id: fx.users.ana.id,
      email: "ana@example.com",
      name: "Ana Reviewer",
      role: "reviewer",
      team: { id: fx.teamId, name: "Demo newsroom" },
    });
  });

  it("refuses a session issued before the user's session version was bumped", async () => {
    const db = getDb();
    const { sessionCookie } = await import("./helpers");
    const cookie = await sessionCookie(fx.users.ben);
    await db.user.update({ where: { id: fx.users.ben.id }, data: { sessionVersion: { increment: 1 } } });
    const res = await meRoute.GET(new Request("http://localhost:3000/api/me", { headers: { cookie } }), {
      params: Promise.resolve({}),
    });
    expect(res.status).toBe(401);
  });
});

describe("articles API", () => {
  it("lists only the caller's team's articles, with counts and a null score before annotation", async () => {
    const r = await call(articlesRoute.GET, "GET", "/api/articles", {}, { user: fx.users.ana });
    expect(r.status).toBe(200);
    expect(r.json.articles).toHaveLength(3);
    for (const a of r.json.articles) {
      expect(Object.keys(a).sort()).toEqual(
        ["annotationCount", "author", "id", "outlet", "publishedAt", "score", "storyId", "title", "url"].sort(),
      );
      expect(a.score).toBeNull();
    }
    expect(r.json.articles.map((a: { id: string }) => a.id)).not.toContain(fx.otherArticle.id);
  });

  it("pages through the list with a cursor", async () => {
    const first = await call(articlesRoute.GET, "GET", "/api/articles?limit=2", {}, { user: fx.users.ana });
    expect(first.json.articles).toHaveLength(2);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await call(articlesRoute.GET, "GET", `/api/articles?limit=2&cursor=${first.json.nextCursor}`, {}, { user: fx.users.ana });
    const ids = [...first.json.articles, ...second.json.articles].map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const all = await call(articlesRoute.GET, "GET", "/api/articles", {}, { user: fx.users.ana });
    expect(ids).toEqual(all.json.articles.slice(0, ids.length).map((a: { id: string }) => a.id));
    const bad = await call(articlesRoute.GET, "GET", "/api/articles?limit=0", {}, { user: fx.users.ana });
    expect(bad.status).toBe(400);
    expect(bad.json.error.field).toBe("limit");
  });

  it("returns one article with its body; another team's is 404", async () => {
    const id = fx.articles[0]!.id;
    const ok = await call(articleRoute.GET, "GET", `/api/articles/${id}`, { id }, { user: fx.users.ana });
    expect(ok.status).toBe(200);
    expect(ok.json.body).toBe(fx.articles[0]!.body);
    const other = await call(articleRoute.GET, "GET", `/api/articles/x`, { id: fx.otherArticle.id }, { user: fx.users.ana });
    expect(other.status).toBe(404);
    expect(other.json.error.code).toBe("NOT_FOUND");
  });

  it("creates an article stored byte for byte (reviewer)", async () => {
    const body = "  Leading spaces kept.\r\nCRLF kept — “quotes” 😀 e\u0301\n\n";
    const r = await call(articlesRoute.POST, "POST", "/api/articles", {}, {
      user: fx.users.ana,
      body: { title: "A new one", body, outlet: "Wire", publishedAt: "2025-04-12T09:00:00Z" },
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ title: "A new one", outlet: "Wire", publishedAt: "2025-04-12", body, annotationCount: 0, score: null });
    const row = await getDb().article.findUniqueOrThrow({ where: { id: r.json.id } });
    expect(row.body).toBe(body);
    expect(row.bodyLength).toBe(Array.from(body).length);
    const audit = await getDb().auditEvent.findFirst({ where: { entityId: r.json.id, action: "article.create" } });
    expect(audit?.actorId).toBe(fx.users.ana.id);
  });

  it("refuses annotators (403), duplicates (409), bad input (400 with field) and oversize bodies (413)", async () => {
    const count = await getDb().article.count();
    const asCara = await call(articlesRoute.POST, "POST", "/api/articles", {}, { user: fx.users.cara, body: { title: "x", body: "y" } });
    expect(asCara.status).toBe(403);
    const dup = await call(articlesRoute.POST, "POST", "/api/articles", {}, {
      user: fx.users.admin,
      body: { title: "Again", body: fx.articles[0]!.body },
    });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe("DUPLICATE_ARTICLE");
    const noTitle = await call(articlesRoute.POST, "POST", "/api/articles", {}, { user: fx.users.admin, body: { body: "text" } });
    expect(noTitle.status).toBe(400);
    expect(noTitle.json.error.field).toBe("title");
    const badUrl = await call(articlesRoute.POST, "POST", "/api/articles", {}, {
      user: fx.users.admin,
      body: { title: "t", body: "text", url: "javascript:alert(1)" },
    });
    expect(badUrl.status).toBe(400);
    expect(badUrl.json.error.field).toBe("url");
    const badJson = await call(articlesRoute.POST, "POST", "/api/articles", {}, {
      user: fx.users.admin,
      rawBody: "{nope",
      headers: { "content-type": "application/json" },
    });
    expect(badJson.status).toBe(400);
    expect(badJson.json.error.code).toBe("INVALID_JSON");
    const huge = await call(articlesRoute.POST, "POST", "/api/articles", {}, {
      user: fx.users.admin,
      body: { title: "Huge", body: "😀".repeat(1_000_001) },
    });
    expect(huge.status).toBe(413);
    expect(huge.json.error.field).toBe("body");
    const otherStory = await call(articlesRoute.POST, "POST", "/api/articles", {}, {
      user: fx.users.olga,
      body: { title: "t", body: "fresh text", storyId: fx.storyId },
    });
    expect(otherStory.status).toBe(400);
    expect(otherStory.json.error.field).toBe("storyId");
    expect(await getDb().article.count()).toBe(count);
  });

  it("refuses a cross-origin POST even with a valid session", async () => {
    const count = await getDb().article.count();
    const r = await call(articlesRoute.POST, "POST", "/api/articles", {}, {
      user: fx.users.admin,
      body: { title: "Forged", body: "forged text" },
      headers: { origin: "https://evil.example" },
    });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe("CROSS_ORIGIN");
    expect(await getDb().article.count()).toBe(count);
  });
});
