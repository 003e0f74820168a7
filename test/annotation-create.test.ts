import { beforeAll, describe, expect, it } from "vitest";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import * as articlesRoute from "@/app/api/articles/route";
import { call, seedFixtures } from "./helpers";

// The create path on each database's own store (the SQLite writer's prepared statements; on PostgreSQL two
// simple-query messages whose values the driver quotes): text that looks like SQL, quoting or escapes must arrive
// byte for byte, and the same key created many times at once must still be one annotation with one audit event.

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let article: { id: string; body: string };

const BODY = "He said: 'it''s \\fine' — E'\\x41' $1 ; COMMIT; -- \u{1F600} \"quoted\"\nsecond line\\";

beforeAll(async () => {
  fx = await seedFixtures();
  const r = await call(articlesRoute.POST, "POST", "/api/articles", {}, {
    user: fx.users.admin,
    body: { title: "Quotes ' and \\ backslashes", outlet: "Escapes", body: BODY },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  article = { id: r.json.id, body: BODY };
});

const NOTES = [
  "it's",
  "back\\slash and \\' and '\\",
  "'); DROP TABLE \"Annotation\"; --",
  "E'\\n' $$dollar$$ $1 :name ?",
  "line\nbreak\ttab \u{1F600} ‘curly’",
];

describe("creating an annotation", () => {
  it("stores quote, context, note and audit text exactly as given, whatever they contain", async () => {
    const codePoints = Array.from(BODY);
    for (const [i, note] of NOTES.entries()) {
      const start = i * 3;
      const end = codePoints.length - i;
      const r = await call(annotationsRoute.POST, "POST", `/api/articles/${article.id}/annotations`, { id: article.id }, {
        user: fx.users.ana,
        body: { start, end, tag: "opinion", note },
      });
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      expect(r.json.quote).toBe(codePoints.slice(start, end).join(""));
      expect(r.json.note).toBe(note);
      const row = await fx.db.annotation.findUniqueOrThrow({ where: { id: r.json.id } });
      expect({ quote: row.quote, prefix: row.prefix, suffix: row.suffix, note: row.note }).toEqual({
        quote: r.json.quote,
        prefix: codePoints.slice(Math.max(start - 32, 0), start).join(""),
        suffix: codePoints.slice(end, end + 32).join(""),
        note,
      });
      expect(row.createdAt.toISOString()).toBe(r.json.createdAt);
      const audit = await fx.db.auditEvent.findFirstOrThrow({ where: { entityId: r.json.id, action: "annotation.create" } });
      expect(JSON.parse(audit.after!)).toMatchObject({ note, quote: r.json.quote, tag: "opinion" });
    }
  });

  it("makes one annotation and one audit event when the same span and tag arrive many times at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        call(annotationsRoute.POST, "POST", `/api/articles/${article.id}/annotations`, { id: article.id }, {
          user: fx.users.ben,
          body: { start: 1, end: 9, tag: "anonymous-source", note: "same key" },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(results.map((r) => r.json.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(await fx.db.auditEvent.count({ where: { entityId: id } })).toBe(1);
    const cached = await fx.db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(cached.annotationCount).toBe(await fx.db.annotation.count({ where: { articleId: article.id } }));
  });

  it("answers 404 for another team's article and writes nothing", async () => {
    const before = await fx.db.annotation.count();
    const r = await call(annotationsRoute.POST, "POST", `/api/articles/${fx.otherArticle.id}/annotations`, { id: fx.otherArticle.id }, {
      user: fx.users.ana,
      body: { start: 0, end: 4, tag: "opinion" },
    });
    expect(r.status).toBe(404);
    expect(await fx.db.annotation.count()).toBe(before);
  });
});
