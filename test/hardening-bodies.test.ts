// JSON request bodies through the real routes: capped while they stream, JSON media types only, strict UTF-8,
// and text fields that the database stores and returns as the same text. Every refusal leaves the database as it
// was.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as reviewsRoute from "@/app/api/annotations/[id]/reviews/route";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import * as articleRoute from "@/app/api/articles/[id]/route";
import * as articlesRoute from "@/app/api/articles/route";
import * as importArticlesRoute from "@/app/api/import/articles/route";
import * as usersRoute from "@/app/api/team/users/route";
import { getDb } from "@/lib/db/client";
import { postImport } from "@/test/support/import-requests";
import { call, ORIGIN, seedFixtures, sessionCookie, type TestUser } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let annotationId: string;

beforeAll(async () => {
  fx = await seedFixtures();
  const created = await call(annotationsRoute.POST, "POST", "/x", { id: fx.articles[0]!.id }, { user: fx.users.ana, body: { start: 0, end: 5, tag: "opinion" } });
  expect(created.status).toBe(201);
  annotationId = created.json.id;
});

/** Every text a refused request could have written, and how many audit events there are. */
async function fingerprint() {
  const db = getDb();
  const byId = { orderBy: { id: "asc" as const } };
  return JSON.stringify({
    articles: await db.article.findMany({ select: { id: true, title: true, body: true }, ...byId }),
    annotations: await db.annotation.findMany({ select: { id: true, quote: true, note: true }, ...byId }),
    reviews: await db.review.findMany({ select: { id: true, comment: true }, ...byId }),
    users: await db.user.findMany({ select: { id: true, email: true, name: true }, ...byId }),
    audit: await db.auditEvent.count(),
  });
}

/** A POST as the app's own page would send it, but with any body and Content-Type. */
async function rawPost(user: TestUser, body: BodyInit, contentType: string | null, extra: RequestInit = {}) {
  const headers: Record<string, string> = { cookie: await sessionCookie(user), origin: ORIGIN };
  if (contentType) headers["content-type"] = contentType;
  return new Request(`${ORIGIN}/api/articles/${fx.articles[0]!.id}/annotations`, { method: "POST", headers, body, ...extra });
}

async function postAnnotation(req: Request) {
  const res = await annotationsRoute.POST(req, { params: Promise.resolve({ id: fx.articles[0]!.id }) });
  return { status: res.status, json: await res.json() };
}

describe("JSON bodies", () => {
  it("refuses an endless chunked body 413 after reading at most the route's cap plus a chunk", async () => {
    const before = await fingerprint();
    const chunk = new TextEncoder().encode(`{"start":0,"end":5,"tag":"opinion","note":"${"x".repeat(16 * 1024)}`);
    const pulled = { bytes: 0, chunks: 0 };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        // 2,000 chunks (about 33 MB) stand in for "endless": a reader that reads to the end pulls them all.
        if (pulled.chunks++ === 2000) return controller.close();
        pulled.bytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const r = await postAnnotation(await rawPost(fx.users.ana, body, "application/json", { duplex: "half" } as RequestInit));
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe("TOO_LARGE");
    expect(pulled.bytes).toBeLessThanOrEqual(64 * 1024 + 2 * chunk.byteLength);
    expect(await fingerprint()).toBe(before);
  });

  it("answers 415 to text/plain, a form type, or no Content-Type, writing nothing", async () => {
    const before = await fingerprint();
    const json = JSON.stringify({ start: 0, end: 5, tag: "opinion", note: "sent as text" });
    for (const type of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", null]) {
      const r = await postAnnotation(await rawPost(fx.users.ana, new TextEncoder().encode(json), type));
      expect(r.status, String(type)).toBe(415);
      expect(r.json.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    expect(await fingerprint()).toBe(before);
  });

  it("refuses invalid UTF-8 with 400 instead of storing U+FFFD", async () => {
    const before = await fingerprint();
    const encode = (s: string) => new TextEncoder().encode(s);
    const bytes = new Uint8Array([...encode('{"start":0,"end":5,"tag":"opinion","note":"caf'), 0xe9, ...encode('"}')]);
    const r = await postAnnotation(await rawPost(fx.users.ana, bytes, "application/json"));
    expect(r.status).toBe(400);
    expect(r.json.error).toEqual({ code: "INVALID_JSON", message: "The request body is not valid UTF-8." });
    expect(await fingerprint()).toBe(before);
  });
});

describe("text fields", () => {
  const BAD = { nul: "before\u0000after", surrogate: "before\ud800after", escape: "a\u001b[31mred" };

  it("refuses an article whose body or title holds a NUL, a lone surrogate or a control character, writing nothing", async () => {
    const before = await fingerprint();
    for (const [kind, text] of Object.entries(BAD)) {
      for (const field of ["body", "title", "outlet", "author"]) {
        const body = { title: "Clean title", body: `Clean body ${kind} ${field}`, [field]: text };
        const r = await call(articlesRoute.POST, "POST", "/api/articles", {}, { user: fx.users.admin, body });
        expect(r.status, `${kind} in ${field}`).toBe(400);
        expect(r.json.error.code).toBe("INVALID_INPUT");
        expect(r.json.error.field).toBe(field);
        expect(r.json.error.message).toMatch(new RegExp(`^${field}: contains `));
      }
    }
    const url = await call(articlesRoute.POST, "POST", "/api/articles", {}, {
      user: fx.users.admin,
      body: { title: "t", body: "url check", url: "https://example.com/\u0000" },
    });
    expect(url.status).toBe(400);
    expect(url.json.error.field).toBe("url");
    expect(await fingerprint()).toBe(before);
  });

  it("refuses bad text in notes, quotes, review comments and new users' names, writing nothing", async () => {
    const before = await fingerprint();
    const attempts = [
      () => call(annotationsRoute.POST, "POST", "/x", { id: fx.articles[0]!.id }, { user: fx.users.ana, body: { start: 0, end: 5, tag: "opinion", note: BAD.nul } }),
      () => call(annotationsRoute.POST, "POST", "/x", { id: fx.articles[0]!.id }, { user: fx.users.ana, body: { start: 0, end: 5, tag: "opinion", quote: BAD.surrogate } }),
      () => call(annotationRoute.PATCH, "PATCH", "/x", { id: annotationId }, { user: fx.users.ana, body: { note: BAD.surrogate } }),
      () => call(reviewsRoute.POST, "POST", "/x", { id: annotationId }, { user: fx.users.ben, body: { verdict: "agree", comment: BAD.escape } }),
      () => call(usersRoute.POST, "POST", "/x", {}, { user: fx.users.admin, body: { email: "new@example.com", name: BAD.nul, role: "annotator", password: "a-long-password-1" } }),
    ];
    const fields = ["note", "quote", "note", "comment", "name"];
    for (const [i, attempt] of attempts.entries()) {
      const r = await attempt();
      expect(r.status, fields[i]).toBe(400);
      expect(r.json.error.field).toBe(fields[i]);
    }
    expect(await fingerprint()).toBe(before);
  });

  it("refuses the same text in an imported article file, since imports share the article schema", async () => {
    const before = await fingerprint();
    // A file is bytes, so a lone surrogate cannot reach the importer (it would be invalid UTF-8, refused there).
    for (const text of [BAD.nul, BAD.escape]) {
      const files = [{ name: "bad.txt", text, type: "text/plain" }];
      const r = await postImport(importArticlesRoute, "/api/import/articles", { user: fx.users.ana, files, fields: { title: "Imported" } });
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.json.error.problems).toEqual([expect.objectContaining({ field: "body", message: expect.stringMatching(/^contains the control character/) })]);
    }
    expect(await fingerprint()).toBe(before);
  });

  it("keeps emoji, combining marks and CJK byte for byte, with body[start:end] == quote and bodyLength in code points", async () => {
    const text = "Le café\u0301 a dit 👩‍👩‍👧 « non » — 日本語 😀, puis:\n\tfin.";
    const created = await call(articlesRoute.POST, "POST", "/api/articles", {}, { user: fx.users.admin, body: { title: "Unicode 👍", body: text } });
    expect(created.status).toBe(201);
    const article = await call(articleRoute.GET, "GET", "/x", { id: created.json.id }, { user: fx.users.ana });
    expect(article.json.body).toBe(text);
    const points = Array.from(text);
    expect(article.json.bodyLength).toBe(points.length);
    const start = points.indexOf("👩");
    const end = points.indexOf("😀") + 1;
    const annotation = await call(annotationsRoute.POST, "POST", "/x", { id: created.json.id }, { user: fx.users.ana, body: { start, end, tag: "opinion", note: "e\u0301 😀" } });
    expect(annotation.status).toBe(201);
    const stored = await getDb().annotation.findUniqueOrThrow({ where: { id: annotation.json.id } });
    expect(stored.quote).toBe(points.slice(start, end).join(""));
    expect(stored.quote.length).toBeGreaterThan(0);
    expect(stored.note).toBe("e\u0301 😀");
  });
});

describe("same-origin check", () => {
  const saved = process.env.TRUST_PROXY;
  afterEach(() => {
    if (saved === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = saved;
  });
  const forged = { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
  const note = (n: number) => ({ start: 0, end: 5 + n, tag: "opinion", note: "cross-site" });

  it("refuses a cross-site POST whose forged X-Forwarded-Host matches its Origin without TRUST_PROXY", async () => {
    delete process.env.TRUST_PROXY;
    const before = await fingerprint();
    const r = await call(annotationsRoute.POST, "POST", "/x", { id: fx.articles[0]!.id }, { user: fx.users.ana, body: note(1), headers: forged });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe("CROSS_ORIGIN");
    expect(await fingerprint()).toBe(before);
  });

  it("believes the forwarded host only when TRUST_PROXY=1 says our proxy set it", async () => {
    process.env.TRUST_PROXY = "1";
    const r = await call(annotationsRoute.POST, "POST", "/x", { id: fx.articles[0]!.id }, { user: fx.users.ana, body: note(2), headers: forged });
    expect(r.status).toBe(201);
  });
});
