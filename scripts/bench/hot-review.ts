// Reviews on one article: wrk posts agree/disagree verdicts on its annotations as the bench's users, each on
// annotations they did not write, so statuses flip and the score is refreshed as in a real review session. Also
// checks that the article's cached counts and score, after all the concurrent creates and reviews, are what a full
// recompute gives.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pgTarget, type TCtx } from "./context";
import { measureCost, processTree } from "./cost";
import { ROOT, SERVER_APPLICATION, TMP } from "./database";
import type { TReviewRun } from "./results";
import { loadavg, round, say } from "./util";
import { runWrkScript, wrkFigures } from "./wrk-figures";

const LUA = path.join(ROOT, "bench", "review.lua");


/** The file review.lua reads: a numbered session per user, and up to 2,000 of the article's annotations. */
async function writeReviewTargets(ctx: TCtx, articleId: string): Promise<string> {
  const rows = await ctx.db.annotation.findMany({ where: { articleId, deletedAt: null }, select: { id: true, authorId: true }, orderBy: { id: "asc" }, take: 2000 });
  const n = new Map(ctx.sessions.map((s, i) => [s.userId, i + 1]));
  const file = path.join(TMP, `targets-${ctx.size}-review.txt`);
  writeFileSync(file, [...ctx.sessions.map((s, i) => `U ${i + 1} ${s.cookie}`), ...rows.map((r) => `R ${r.id} ${n.get(r.authorId) ?? 0}`)].join("\n") + "\n");
  return file;
}

async function reviewRun(ctx: TCtx, connections: number, seconds: number, targetsFile: string, seed: number, measured: boolean): Promise<TReviewRun> {
  const load0 = loadavg();
  const run = () => runWrkScript(ctx.server.base, LUA, connections, seconds, [targetsFile, String(seed)]);
  const { value: r, cost } = measured
    ? await measureCost(() => processTree(ctx.server.pid), pgTarget(ctx, SERVER_APPLICATION), run)
    : { value: await run(), cost: undefined };
  return {
    connections,
    ...wrkFigures(r),
    firstReviews: r.created,
    replaced: r.existing,
    loadavg: Math.max(load0, loadavg()),
    ...(cost ? { cost } : {}),
  };
}

export async function hotReviewRuns(ctx: TCtx, articleId: string, label: string): Promise<Record<string, TReviewRun[]>> {
  const targetsFile = await writeReviewTargets(ctx, articleId);
  const count = ctx.quick ? 1 : 3;
  const seconds = ctx.quick ? 5 : 10;
  const out: Record<string, TReviewRun[]> = {};
  let seed = 3000;
  for (const connections of [8, 64]) {
    say(`${ctx.size}: reviews on the ${label} article, ${connections} connections, ${count} × ${seconds} s (wrk)`);
    await reviewRun(ctx, connections, 3, targetsFile, seed++, false);
    out[String(connections)] = [];
    for (let i = 0; i < count; i++) {
      const run = await reviewRun(ctx, connections, seconds, targetsFile, seed++, true);
      out[String(connections)]!.push(run);
      const c = run.cost!;
      const db = c.database ? `, database ${round(c.database.backendCpuMs / run.requests, 2)} ms CPU` : "";
      say(
        `  review  run ${i + 1}: ${run.rps} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, ${run.firstReviews} × 201, ` +
          `${run.replaced} × 200, ${run.failed + run.socketErrors} failed; per request: server ${round(c.processCpuMs / run.requests, 2)} ms CPU${db}`,
      );
    }
  }
  return out;
}

/** Whether the article's cached count, consensus counts and score equal a full recompute (which then replaces them). */
export async function cacheMatchesRecompute(ctx: TCtx, articleId: string): Promise<boolean> {
  const pick = { annotationCount: true, score: true, consensusOfficial: true, consensusAnonymous: true, consensusOpinion: true } as const;
  const cached = await ctx.db.article.findUniqueOrThrow({ where: { id: articleId }, select: pick });
  const { refreshArticleScore } = await import("../../lib/scoring/refresh-article-score");
  await ctx.db.$transaction((tx) => refreshArticleScore(tx, articleId), { timeout: 60_000 });
  const full = await ctx.db.article.findUniqueOrThrow({ where: { id: articleId }, select: pick });
  const same = JSON.stringify(cached) === JSON.stringify(full);
  if (!same) say(`  CACHE DIFFERS FROM A FULL RECOMPUTE: cached ${JSON.stringify(cached)}, recomputed ${JSON.stringify(full)}`);
  return same;
}
