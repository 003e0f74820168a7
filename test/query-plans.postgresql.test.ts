// PostgreSQL's plans for the queries that must not read or sort the whole Annotation table: the review queue's
// page, the team-wide export (the cursor's plan) and an article's annotations. The counterpart of query-plans.test.ts
// (SQLite's EXPLAIN QUERY PLAN). The planner picks an index only when the table is big enough and its statistics
// say so, hence the rows and ANALYZE below; the assertions are on what any sane plan keeps (which index, no Sort,
// no sequential scan of Annotation), not on costs. PostgreSQL run only (vitest.postgresql.config.mts).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/auth/session-user";
import { exportSql, type TExportFilter } from "@/lib/db/export-sql";
import { databaseUrl } from "@/lib/db/url";
import { seedFixtures, sessionUserOf } from "@/test/helpers";

type TLogged = { query: string; params: string };

// The app's data layer, with one change: its Prisma client records the SQL it sends.
vi.mock("@/lib/db/client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/db/client")>();
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("@/lib/generated/prisma-postgresql/client");
  const { databaseUrl: url } = await import("@/lib/db/url");
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url() }), log: [{ emit: "event", level: "query" }] });
  const logged: TLogged[] = [];
  client.$on("query", (e) => logged.push({ query: e.query, params: e.params }));
  (globalThis as { __queryLog?: TLogged[] }).__queryLog = logged;
  return { ...actual, db: client, getDb: () => client };
});

const queryLog = () => (globalThis as unknown as { __queryLog: TLogged[] }).__queryLog;

const ARTICLES = 200;
const ANNOTATIONS = 30_000;

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let user: TSessionUser;
let explainer: pg.Client;

beforeAll(async () => {
  fx = await seedFixtures();
  user = await sessionUserOf(fx.users.ana);
  const { getDb } = await import("@/lib/db/client");
  const db = getDb();
  // Many articles of the team, annotations spread over them by three authors, created in time order as in real use,
  // and some already reviewed by Ana; a few rows of another team.
  await db.$executeRawUnsafe(
    `INSERT INTO "Article" ("id", "teamId", "title", "body", "bodyHash", "bodyLength", "createdAt", "updatedAt")
     SELECT 'plan-article-' || g, $1, 'Article ' || g, repeat('x', 400), 'plan-hash-' || g, 400, now(), now()
       FROM generate_series(1, ${ARTICLES}) g`,
    fx.teamId,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Annotation" ("id", "articleId", "authorId", "start", "end", "quote", "prefix", "suffix", "tag", "note",
                               "status", "agreeCount", "disagreeCount", "createdAt", "updatedAt")
     SELECT 'plan-' || g, 'plan-article-' || (g % ${ARTICLES} + 1), (ARRAY[$1::text, $2::text, $3::text])[g % 3 + 1], g / ${ARTICLES}, g / ${ARTICLES} + 5,
            'xxxxx', '', '', (ARRAY['opinion', 'anonymous-source', 'official-statement']::"Tag"[])[g % 3 + 1], '', 'pending', 0, 0,
            TIMESTAMP '2026-01-01' + g * INTERVAL '1 second', TIMESTAMP '2026-01-01'
       FROM generate_series(1, ${ANNOTATIONS}) g`,
    fx.users.ana.id,
    fx.users.ben.id,
    fx.users.cara.id,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Review" ("id", "annotationId", "reviewerId", "verdict", "createdAt", "updatedAt")
     SELECT 'plan-review-' || an."id", an."id", $1, 'agree', now(), now() FROM "Annotation" an
      WHERE an."authorId" <> $1 AND an."start" < 10`,
    fx.users.ana.id,
  );
  await db.$executeRawUnsafe(`ANALYZE`);
  explainer = new pg.Client({ connectionString: databaseUrl() });
  await explainer.connect();
}, 120_000);

afterAll(async () => {
  await explainer?.end();
});

type TPlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: TPlanNode[] };

async function explain(sql: string, params: unknown[]): Promise<TPlanNode[]> {
  const { rows } = await explainer.query<{ "QUERY PLAN": [{ Plan: TPlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const nodes: TPlanNode[] = [];
  const walk = (node: TPlanNode) => {
    nodes.push(node);
    node.Plans?.forEach(walk);
  };
  walk(rows[0]!["QUERY PLAN"][0].Plan);
  return nodes;
}

const describePlan = (nodes: TPlanNode[]) =>
  nodes.map((n) => [n["Node Type"], n["Relation Name"], n["Index Name"]].filter(Boolean).join(" ")).join("\n");

/** How the plan reads Annotation: the scan nodes on it. */
const annotationScans = (nodes: TPlanNode[]) => nodes.filter((n) => n["Relation Name"] === "Annotation");

/** Runs `action` and returns the plans of every statement it sent that matches `pattern`. */
async function plansOf(action: () => Promise<unknown>, pattern: RegExp) {
  queryLog().length = 0;
  await action();
  const statements = queryLog().filter((q) => /^\s*(SELECT|WITH)/i.test(q.query) && pattern.test(q.query));
  return Promise.all(statements.map(async (s) => ({ sql: s.query, plan: await explain(s.query, JSON.parse(s.params) as unknown[]) })));
}

describe("PostgreSQL query plans of the hot queries", () => {
  it("review queue: the page walks the (articleId, start, end, id) index in order and stops; nothing is sorted", async () => {
    const { findReviewQueue } = await import("@/lib/reviews/review-queue");
    for (const query of [{ limit: 20 }, { limit: 20, tag: "opinion" as const }]) {
      const plans = await plansOf(() => findReviewQueue(user, query), /ORDER BY an\."articleId"/);
      // The page and the capped count.
      expect(plans).toHaveLength(2);
      for (const { sql, plan } of plans) {
        const why = `${sql}\n${describePlan(plan)}`;
        expect(plan.filter((n) => /Sort/.test(n["Node Type"])), why).toEqual([]);
        const scans = annotationScans(plan);
        expect(scans.length, why).toBeGreaterThan(0);
        for (const scan of scans) {
          expect(scan["Node Type"], why).toMatch(/^Index (Only )?Scan$/);
          expect(scan["Index Name"], why).toBe("Annotation_articleId_start_end_id_tag_status_deletedAt_idx");
        }
      }
    }
  });

  it("team-wide export: the cursor walks the (createdAt, id) index, so rows stream without a sort of the table", async () => {
    for (const filter of [{ teamId: fx.teamId }, { teamId: fx.teamId, tag: "opinion" }, { teamId: fx.teamId, status: "pending" }] as TExportFilter[]) {
      const { sql, params } = exportSql(filter, true, "postgresql");
      // The plan the export gets: a cursor's, which the planner costs for its first rows.
      const plan = await explain(`DECLARE plan_check NO SCROLL CURSOR FOR ${sql}`, params);
      const why = `${JSON.stringify(filter)}\n${describePlan(plan)}`;
      expect(plan.filter((n) => /Sort/.test(n["Node Type"])), why).toEqual([]);
      const scans = annotationScans(plan);
      expect(scans.map((s) => [s["Node Type"], s["Index Name"]]), why).toEqual([["Index Scan", "Annotation_createdAt_id_idx"]]);
    }
  });

  it("an article's export and its annotations in text order read Annotation through an index, never the whole table", async () => {
    const articleId = "plan-article-7";
    const { sql, params } = exportSql({ teamId: fx.teamId, articleId }, true, "postgresql");
    const exportPlan = await explain(`DECLARE plan_check NO SCROLL CURSOR FOR ${sql}`, params);
    const { findAnnotations } = await import("@/lib/annotations/find-annotations");
    const listPlans = await plansOf(() => findAnnotations(user, articleId), /FROM "public"\."Annotation"/);
    expect(listPlans.length).toBeGreaterThan(0);
    for (const plan of [exportPlan, ...listPlans.map((p) => p.plan)]) {
      const scans = annotationScans(plan);
      expect(scans.length, describePlan(plan)).toBeGreaterThan(0);
      for (const scan of scans) expect(scan["Node Type"], describePlan(plan)).toMatch(/^(Index|Index Only|Bitmap Heap) Scan$/);
    }
  });
});
