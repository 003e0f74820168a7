import { beforeAll, describe, expect, it } from "vitest";
import * as reviewsRoute from "@/app/api/annotations/[id]/reviews/route";
import * as annotationRoute from "@/app/api/annotations/[id]/route";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import * as suggestionsRoute from "@/app/api/articles/[id]/suggestions/route";
import * as dismissRoute from "@/app/api/articles/[id]/suggestions/dismiss/route";
import * as queueRoute from "@/app/api/review-queue/route";
import { getDb } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/url";
import { getExport } from "@/test/support/export-requests";
import { call, seedFixtures } from "./helpers";

// Tags are a database enum whose stored values are the API's hyphenated names, while Prisma Client calls them
// anonymous_source and official_statement. Every path in and out must convert: the API and the export only ever
// show the hyphenated names, and raw SQL (the SQLite store, the exports) finds them in the table.

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let article: { id: string; body: string };

beforeAll(async () => {
  fx = await seedFixtures();
  article = fx.articles[0]!;
});

const stored = async (sql: string) => (await getDb().$queryRawUnsafe<{ v: string | null }[]>(sql)).map((r) => r.v);

describe("tags stored as an enum", () => {
  it("keeps the API's names through create, update, review, the queue and the export", async () => {
    const created = await call(annotationsRoute.POST, "POST", `/api/articles/${article.id}/annotations`, { id: article.id }, {
      user: fx.users.ana,
      body: { start: 0, end: 12, tag: "anonymous-source" },
    });
    expect(created.status).toBe(201);
    expect(created.json.tag).toBe("anonymous-source");
    const id: string = created.json.id;

    const again = await call(annotationsRoute.POST, "POST", `/api/articles/${article.id}/annotations`, { id: article.id }, {
      user: fx.users.ana,
      body: { start: 0, end: 12, tag: "anonymous-source" },
    });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ id, tag: "anonymous-source" });

    const updated = await call(annotationRoute.PATCH, "PATCH", `/api/annotations/${id}`, { id }, {
      user: fx.users.ana,
      body: { tag: "official-statement" },
    });
    expect(updated.status).toBe(200);
    expect(updated.json.tag).toBe("official-statement");

    const review = await call(reviewsRoute.POST, "POST", `/api/annotations/${id}/reviews`, { id }, {
      user: fx.users.ben,
      body: { verdict: "disagree", suggestedTag: "opinion" },
    });
    expect(review.status).toBe(201);
    expect(review.json.suggestedTag).toBe("opinion");

    const listed = await call(annotationsRoute.GET, "GET", `/api/articles/${article.id}/annotations`, { id: article.id }, { user: fx.users.ben });
    expect(listed.json.annotations.find((a: { id: string }) => a.id === id).tag).toBe("official-statement");

    const queue = await call(queueRoute.GET, "GET", `/api/review-queue?tag=official-statement&articleId=${article.id}`, {}, { user: fx.users.admin });
    expect(queue.status).toBe(200);
    expect(queue.json.items.map((i: { id: string; tag: string }) => [i.id, i.tag])).toEqual([[id, "official-statement"]]);
    const none = await call(queueRoute.GET, "GET", `/api/review-queue?tag=opinion&articleId=${article.id}`, {}, { user: fx.users.admin });
    expect(none.json.items).toEqual([]);

    const csv = await getExport("csv", `tag=official-statement&articleId=${article.id}`, fx.users.admin);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(id);
    expect(csv.text).toContain(",official-statement,");

    expect(await stored(`SELECT "tag" AS v FROM "Annotation" WHERE "id" = '${id}'`)).toEqual(["official-statement"]);
    expect(await stored(`SELECT "suggestedTag" AS v FROM "Review" WHERE "annotationId" = '${id}'`)).toEqual(["opinion"]);
  });

  it("stores a dismissed suggestion's tag under the API's name and hides it afterwards", async () => {
    const before = await call(suggestionsRoute.GET, "GET", `/api/articles/${article.id}/suggestions`, { id: article.id }, { user: fx.users.cara });
    const suggestion = before.json.suggestions.find((s: { tag: string }) => s.tag === "anonymous-source");
    expect(suggestion).toBeDefined();
    const key = { start: suggestion.start, end: suggestion.end, tag: suggestion.tag };
    const dismissed = await call(dismissRoute.POST, "POST", `/api/articles/${article.id}/suggestions/dismiss`, { id: article.id }, {
      user: fx.users.cara,
      body: key,
    });
    expect(dismissed.status).toBe(204);
    expect(await stored(`SELECT "tag" AS v FROM "SuggestionDismissal" WHERE "userId" = '${fx.users.cara.id}'`)).toEqual(["anonymous-source"]);
    const after = await call(suggestionsRoute.GET, "GET", `/api/articles/${article.id}/suggestions`, { id: article.id }, { user: fx.users.cara });
    expect(after.json.suggestions).toHaveLength(before.json.suggestions.length - 1);
  });

  it("declares the columns as the Tag enum on PostgreSQL, TEXT on SQLite", async () => {
    if (databaseProvider() === "sqlite") {
      const types = await getDb().$queryRawUnsafe<{ type: string }[]>(
        `SELECT type FROM pragma_table_info('Annotation') WHERE name = 'tag'`,
      );
      expect(types).toEqual([{ type: "TEXT" }]);
      return;
    }
    const columns = await getDb().$queryRawUnsafe<{ table_name: string; column_name: string; udt_name: string }[]>(
      `SELECT table_name, column_name, udt_name FROM information_schema.columns
        WHERE column_name IN ('tag', 'suggestedTag') ORDER BY table_name`,
    );
    expect(columns.map((c) => `${c.table_name}.${c.column_name}:${c.udt_name}`)).toEqual([
      "Annotation.tag:Tag",
      "CodebookEntry.tag:Tag",
      "Review.suggestedTag:Tag",
      "SuggestionDismissal.tag:Tag",
    ]);
  });
});
