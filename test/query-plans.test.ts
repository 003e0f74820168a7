// Indexes justified by EXPLAIN QUERY PLAN: the hot queries are run through the app's own functions with a
// Prisma client that logs every statement, and each logged statement is explained on the same database. None may
// read the whole Annotation table without an index. SQLite-specific on purpose (EXPLAIN QUERY PLAN, better-sqlite3).
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/auth/session-user";
import { seedFixtures, sessionUserOf } from "@/test/helpers";

type TLogged = { query: string; params: string };

// The app's data layer, with one change: its Prisma client records the SQL it sends.
vi.mock("@/lib/db/client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/db/client")>();
  const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
  const { PrismaClient } = await import("@/lib/generated/prisma/client");
  const { databaseUrl, sqliteFileFromUrl } = await import("@/lib/db/url");
  const adapter = new PrismaBetterSqlite3({ url: sqliteFileFromUrl(databaseUrl()) });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  const logged: TLogged[] = [];
  client.$on("query", (e) => logged.push({ query: e.query, params: e.params }));
  (globalThis as { __queryLog?: TLogged[] }).__queryLog = logged;
  return { ...actual, db: client, getDb: () => client };
});

const queryLog = () => (globalThis as unknown as { __queryLog: TLogged[] }).__queryLog;

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let user: TSessionUser;
let sqlite: Database.Database;

beforeAll(async () => {
  fx = await seedFixtures();
  user = await sessionUserOf(fx.users.ana);
  const { createAnnotation } = await import("@/lib/annotations/create-annotation");
  for (const [start, end] of [[0, 5], [3, 9], [10, 20]] as const) {
    await createAnnotation(user, fx.articles[0]!.id, { start, end, tag: "opinion" });
  }
  const { databaseUrl, sqliteFileFromUrl } = await import("@/lib/db/url");
  sqlite = new Database(sqliteFileFromUrl(databaseUrl()), { readonly: true });
});

afterAll(() => sqlite?.close());

/** Bound parameters as Prisma logged them (a JSON array), in the types SQLite compares them by. */
function bindings(params: string): unknown[] {
  const values = JSON.parse(params) as unknown[];
  return values.map((v) => (typeof v === "boolean" ? Number(v) : v));
}

type TPlanLine = { table: string; detail: string };

function explain(sql: string, params: unknown[]): TPlanLine[] {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => ({ detail: r.detail, table: /^(?:SCAN|SEARCH) (?:main\.)?"?(\w+)"?/.exec(r.detail)?.[1] ?? "" }));
}

/** Runs `action` and returns the plans of every statement it sent that reads `table`. */
async function plansOf(action: () => Promise<unknown>, table = "Annotation") {
  queryLog().length = 0;
  await action();
  const statements = queryLog().filter((q) => /^\s*(SELECT|WITH)/i.test(q.query) && new RegExp(`\`?${table}\`?`).test(q.query));
  const plans = statements.map((s) => ({ sql: s.query, plan: explain(s.query, bindings(s.params)) }));
  if (process.env.DEBUG_QUERY_PLANS) for (const p of plans) console.log(`${p.sql}\n  ${p.plan.map((l) => l.detail).join("\n  ")}`);
  return plans;
}

/** A plan line that reads a whole table row by row, without any index. */
const fullScan = (table: string) => (line: TPlanLine) =>
  line.table === table && /^SCAN /.test(line.detail) && !/USING (COVERING )?INDEX|USING INTEGER PRIMARY KEY/.test(line.detail);

function expectNoFullScan(plans: { sql: string; plan: TPlanLine[] }[], table: string) {
  for (const { sql, plan } of plans) {
    const bad = plan.filter(fullScan(table));
    expect(bad, `full scan of ${table} in:\n${sql}\nplan:\n${plan.map((l) => l.detail).join("\n")}`).toEqual([]);
  }
}

describe("query plans of the hot queries", () => {
  it("annotations of an article, in text order: a search on (articleId, start, end), no sort of the table", async () => {
    const { findAnnotations } = await import("@/lib/annotations/find-annotations");
    const plans = await plansOf(() => findAnnotations(user, fx.articles[0]!.id));
    expect(plans.length).toBeGreaterThan(0);
    expectNoFullScan(plans, "Annotation");
    const annotationLines = plans.flatMap((p) => p.plan).filter((l) => l.table === "Annotation");
    expect(annotationLines.length).toBeGreaterThan(0);
    for (const line of annotationLines) expect(line.detail).toMatch(/^SEARCH .*USING (COVERING )?INDEX .*\(articleId=/);
  });

  it("the team's article list and the article page read Article through an index, never Annotation", async () => {
    const { findArticlePage, getArticle } = await import("@/lib/articles/find-articles");
    const list = await plansOf(() => findArticlePage(user, { limit: 50 }), "Article");
    expect(list.length).toBeGreaterThan(0);
    expectNoFullScan(list, "Article");
    expect(await plansOf(() => findArticlePage(user, { limit: 50 }))).toEqual([]);
    const page = await plansOf(() => getArticle(user, fx.articles[0]!.id), "Article");
    expectNoFullScan(page, "Article");
  });

  it("review queue: Annotation is reached through an index, not scanned", async () => {
    const { findReviewQueue } = await import("@/lib/reviews/review-queue");
    const plans = await plansOf(() => findReviewQueue(user, { limit: 20 }));
    expect(plans.length).toBeGreaterThan(0);
    expectNoFullScan(plans, "Annotation");
    expectNoFullScan(plans, "Review");
    // The page walks the (articleId, start, end, id) index in order and stops: no temporary sort of the team's rows.
    const page = plans.find((p) => /ORDER BY/i.test(p.sql));
    expect(page?.plan.map((l) => l.detail).join("\n")).toMatch(/SCAN an USING (COVERING )?INDEX Annotation_articleId_start_end_id_tag_status_deletedAt_idx/);
    expect(page?.plan.some((l) => /TEMP B-TREE/.test(l.detail))).toBe(false);
    const withArticle = await plansOf(() => findReviewQueue(user, { limit: 20, articleId: fx.articles[0]!.id }));
    expectNoFullScan(withArticle, "Annotation");
  });

  it("scores by outlet and by story come from the per-article cache: no statement reads Annotation", async () => {
    const { findGroupScores } = await import("@/lib/scoring/find-group-scores");
    for (const groupBy of ["outlet", "story"] as const) {
      expect(await plansOf(() => findGroupScores(user, groupBy))).toEqual([]);
      const articleStatements = await plansOf(() => findGroupScores(user, groupBy), "Article");
      expectNoFullScan(articleStatements, "Article");
      // The database adds the scores up: one GROUP BY, no read of every article into the app.
      expect(articleStatements.map((s) => s.sql)).toEqual([expect.stringMatching(/GROUP BY/)]);
      // ... from a covering index: the rows, each with its article body, are never read.
      expect(articleStatements[0]!.plan.map((l) => l.detail).join("\n")).toMatch(/USING COVERING INDEX Article_teamId_(outlet|storyId)_score/);
    }
    const { findScoreTable, ZScoreTableQuery } = await import("@/lib/scoring/find-score-table");
    expect(await plansOf(() => findScoreTable(user, ZScoreTableQuery.parse({})))).toEqual([]);
  });

  it("creating an annotation (with its score refresh) touches only the article's own annotations", async () => {
    // The create runs on the synchronous writer (lib/db/sqlite-writer.ts): its statements are explained directly.
    const { WRITER_SQL } = await import("@/lib/db/sqlite-writer");
    const reads = Object.entries(WRITER_SQL).filter(([, sql]) => /^\s*(SELECT|UPDATE)/i.test(sql));
    expect(reads.map(([name]) => name)).toEqual(expect.arrayContaining(["teamArticleQuote", "annotationByKey", "tagRangesBetween", "articleScoreState", "updateScoreCache"]));
    for (const [name, sql] of reads) {
      const named = [...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!);
      const params = named.length ? [Object.fromEntries(named.map((n) => [n, null]))] : Array.from(sql.matchAll(/\?/g), () => "x");
      const plan = explain(sql, params);
      for (const table of ["Annotation", "Article", "User"]) {
        expect(plan.filter(fullScan(table)), `${name}:\n${plan.map((l) => l.detail).join("\n")}`).toEqual([]);
      }
    }
    const near = explain(WRITER_SQL.tagRangesBetween, [{ articleId: "x", from: 10, to: 40, tag: "opinion", exceptId: "" }]);
    // The refresh that runs on every write reads the spans near the new one from the covering index alone, by start.
    expect(near.map((l) => l.detail).join("\n")).toMatch(/SEARCH .*Annotation USING COVERING INDEX .*\(articleId=\? AND start>\? AND start<\?\)/);
  });

  it("the export query reads Annotation through an index (per article for a filter; in export order for a team)", async () => {
    const { exportSql } = await import("@/lib/db/export-sql");
    const filters = [
      { teamId: fx.teamId },
      { teamId: fx.teamId, articleId: fx.articles[0]!.id },
      { teamId: fx.teamId, authorId: fx.users.ana.id },
      { teamId: fx.teamId, storyId: fx.storyId },
    ];
    for (const filter of filters) {
      const { sql, params } = exportSql(filter);
      const plan = explain(sql, params);
      const bad = plan.filter(fullScan("Annotation"));
      expect(bad, `full scan of Annotation for ${JSON.stringify(filter)}:\n${plan.map((l) => l.detail).join("\n")}`).toEqual([]);
    }
    // Team-wide, the rows come in export order straight from the (createdAt, id) index: no sort before the first row.
    for (const filter of [{ teamId: fx.teamId }, { teamId: fx.teamId, tag: "opinion" as const }]) {
      const plan = explain(exportSql(filter).sql, exportSql(filter).params).map((l) => l.detail);
      expect(plan.join("\n")).toMatch(/SCAN an USING INDEX Annotation_createdAt_id_idx/);
      expect(plan.some((l) => /TEMP B-TREE/.test(l))).toBe(false);
    }
  });
});
