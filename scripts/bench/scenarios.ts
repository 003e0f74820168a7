// The read scenarios (pages and lists, one client at a time) and the CSV export against the database's own CSV.
import http from "node:http";
import { serverMeters, type TCtx } from "./context";
import { timeGets, timePosts } from "./http";
import type { TExportResult } from "./report";
import { treeRss } from "./server";
import { loadavg, median, round, runAsync, say, sleep } from "./util";

export async function readScenarios(ctx: TCtx) {
  const { base } = ctx.server;
  const cookie = ctx.cookies[0]!;
  const hot = ctx.manifest.hotArticle;
  const runs = ctx.quick ? 5 : 21;
  const meters = serverMeters(ctx);
  say(`${ctx.size}: article page and annotations list (article with ${hot.annotations} annotations)`);
  const articlePage = await timeGets(`${base}/articles/${hot.id}`, cookie, runs, meters, (status, body) =>
    status !== 200 ? `status ${status}` : body.includes("data-testid=\"article-title\"") ? null : "not the article page",
  );
  const annotationsList = await timeGets(`${base}/api/articles/${hot.id}/annotations`, cookie, runs, meters, (status, body) => {
    if (status !== 200) return `status ${status}`;
    const n = (JSON.parse(body) as { annotations: unknown[] }).annotations.length;
    return n === hot.annotations ? null : `${n} annotations, expected ${hot.annotations}`;
  });
  say(`${ctx.size}: scores by outlet and the /scores dashboard`);
  const scoresByOutlet = await timeGets(`${base}/api/scores?groupBy=outlet`, cookie, runs, meters, (status, body) =>
    status !== 200 ? `status ${status}` : (JSON.parse(body) as { groups: unknown[] }).groups.length > 0 ? null : "no groups",
  );
  const dashboard = await timeGets(`${base}/scores`, cookie, runs, meters, (status, body) =>
    status !== 200 ? `status ${status}` : body.includes("outlet-scores") ? null : "not the dashboard",
  );
  // Not in the target list, but "lists paginate with cursors and stay fast at M": the first page of each.
  say(`${ctx.size}: first page of the article list and of the review queue`);
  const articleList = await timeGets(`${base}/api/articles`, cookie, runs, meters, (status) => (status === 200 ? null : `status ${status}`));
  const reviewQueue = await timeGets(`${base}/api/review-queue?limit=20`, ctx.cookies[1] ?? cookie, ctx.quick ? 3 : 11, meters, (status, body) =>
    status !== 200 ? `status ${status}` : (JSON.parse(body) as { items: unknown[] }).items.length > 0 ? null : "empty queue",
  );
  // What annotating costs besides the create: a typical article's page (the median number of annotations of the
  // create targets), the score panel the page fetches on load and again after every change, and a review.
  const typical = await typicalArticle(ctx);
  say(`${ctx.size}: a typical article (${typical.annotationCount} annotations): page, score panel; the hot one's score panel; reviews`);
  const articlePageTypical = await timeGets(`${base}/articles/${typical.id}`, cookie, runs, meters, (status) => (status === 200 ? null : `status ${status}`));
  const scoreOk = (status: number, body: string) => (status !== 200 ? `status ${status}` : "spans" in (JSON.parse(body) as object) ? null : "not a score");
  const articleScoreTypical = await timeGets(`${base}/api/articles/${typical.id}/score`, cookie, runs, meters, scoreOk);
  const articleScore = await timeGets(`${base}/api/articles/${hot.id}/score`, cookie, runs, meters, scoreOk);
  const review = await timeReviews(ctx, runs);
  return { articlePage, annotationsList, scoresByOutlet, dashboard, articleList, reviewQueue, articlePageTypical, articleScoreTypical, articleScore, review };
}

/** Of the create targets, the article with the median number of annotations. */
async function typicalArticle(ctx: TCtx): Promise<{ id: string; annotationCount: number }> {
  const articles = await ctx.db.article.findMany({
    where: { id: { in: ctx.manifest.targets.map((t) => t.id) } },
    select: { id: true, annotationCount: true },
    orderBy: [{ annotationCount: "asc" }, { id: "asc" }],
  });
  return articles[Math.floor(articles.length / 2)]!;
}

/**
 * POST /api/annotations/{id}/reviews ("agree") by a reviewer, each on another unreviewed annotation of the create
 * targets written by someone else; afterwards the reviews, their audit events and the annotations' counts are put
 * back as they were, and the articles' cached scores refreshed.
 */
async function timeReviews(ctx: TCtx, runs: number) {
  const reviewer = ctx.sessions.find((s) => ctx.manifest.users.find((u) => u.id === s.userId)?.role === "reviewer") ?? ctx.sessions[0]!;
  const annotations = await ctx.db.annotation.findMany({
    where: { articleId: { in: ctx.manifest.targets.map((t) => t.id) }, authorId: { not: reviewer.userId }, status: "pending", agreeCount: 0, disagreeCount: 0 },
    select: { id: true, articleId: true },
    take: runs,
  });
  const requests = annotations.map((a) => ({ url: `${ctx.server.base}/api/annotations/${a.id}/reviews`, body: { verdict: "agree" } }));
  try {
    return await timePosts(requests, reviewer.cookie, serverMeters(ctx), 201);
  } finally {
    const ids = annotations.map((a) => a.id);
    const reviews = await ctx.db.review.findMany({ where: { annotationId: { in: ids }, reviewerId: reviewer.userId }, select: { id: true } });
    await ctx.db.auditEvent.deleteMany({ where: { entityType: "Review", entityId: { in: reviews.map((r) => r.id) } } });
    await ctx.db.review.deleteMany({ where: { id: { in: reviews.map((r) => r.id) } } });
    await ctx.db.annotation.updateMany({ where: { id: { in: ids } }, data: { status: "pending", agreeCount: 0, disagreeCount: 0 } });
    const { refreshArticleScore } = await import("../../lib/scoring/refresh-article-score");
    for (const articleId of new Set(annotations.map((a) => a.articleId))) await ctx.db.$transaction((tx) => refreshArticleScore(tx, articleId));
  }
}

/**
 * The database's own CSV of the route's query (lib/db/export-query.ts) with the team bound: `sqlite3 -csv` on the
 * file, or psql's \copy … (FORMAT csv) on PostgreSQL. The app reads titles and annotators once each
 * (exportLookups); the database's CSV gets them the plain way, joined in.
 */
async function databaseCsv(ctx: TCtx): Promise<{ seconds: number; bytes: number }> {
  const { exportFrom } = await import("../../lib/db/export-query");
  const { from, params } = exportFrom({ teamId: ctx.manifest.teamId }, { withUser: true });
  const select = `SELECT an."id", an."articleId", ar."title", ar."outlet", u."email", u."name", an."tag", an."start", an."end",
    an."quote", an."note", an."status", an."agreeCount", an."disagreeCount", an."createdAt", an."updatedAt"${from}`;
  const literal = select.replace("?", `'${String(params[0]).replace(/'/g, "''")}'`);
  const t = performance.now();
  const out =
    ctx.database.kind === "sqlite"
      ? await runAsync("sh", ["-c", `sqlite3 -readonly -csv -header "$0" "$1" | wc -c`, ctx.database.url.replace(/^file:/, ""), literal], 900_000)
      : // CROSS JOIN … ON is SQLite's planner hint; PostgreSQL spells the same join JOIN … ON.
        await runAsync(
          "sh",
          ["-c", `psql "$0" -X -q -v ON_ERROR_STOP=1 -c "$1" | wc -c`, ctx.database.url, `\\copy (${literal.replace(/\s+/g, " ").replace("CROSS JOIN", "JOIN")}) TO STDOUT WITH (FORMAT csv, HEADER)`],
          900_000,
        );
  if (out.code !== 0 || out.stderr.trim()) throw new Error(`The database's CSV failed: ${out.stderr}`);
  return { seconds: (performance.now() - t) / 1000, bytes: Number(out.stdout.trim()) };
}

// CSV export: curl downloads to /dev/null (asynchronously, so the RSS sampler keeps running), then the database's CSV.
export async function measureExport(ctx: TCtx): Promise<TExportResult> {
  const { base } = ctx.server;
  const url = `${base}/api/export/annotations.csv`;
  const probe = await new Promise<number>((resolve, reject) => {
    const req = http.get(url, { headers: { cookie: ctx.cookies[0]! } }, (res) => {
      resolve(res.statusCode ?? 0);
      res.destroy();
    });
    req.on("error", reject);
  });
  if (probe === 404) {
    say(`${ctx.size}: CSV export SKIPPED: GET /api/export/annotations.csv answers 404 (the route is not there yet)`);
    return { skipped: "GET /api/export/annotations.csv answered 404: the export route is not built yet" };
  }
  if (probe !== 200) throw new Error(`GET /api/export/annotations.csv answered ${probe}`);
  const rows = await ctx.db.annotation.count({ where: { article: { teamId: ctx.manifest.teamId } } });
  const runs = ctx.quick ? 1 : 3;
  const anchor = ctx.database.kind === "sqlite" ? "sqlite3 -csv" : "psql \\copy … csv";
  say(`${ctx.size}: CSV export of ${rows} annotations, ${runs} run(s) each: the app, then ${anchor}`);

  const appRuns: { seconds: number; bytes: number; rssGrowthMB: number; loadavg: number }[] = [];
  for (let i = 0; i < runs; i++) {
    await sleep(2000);
    const rssBase = median([treeRss(ctx.server.pid), treeRss(ctx.server.pid), treeRss(ctx.server.pid)]);
    let peak = rssBase;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(ctx.server.pid))), 20);
    const load0 = loadavg();
    const out = await runAsync("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code} %{size_download} %{time_total}", "--max-time", "900", "-H", `Cookie: ${ctx.cookies[0]!}`, url], 960_000);
    clearInterval(sampler);
    const [code, bytes, seconds] = out.stdout.trim().split(" ");
    if (code !== "200" || out.code !== 0) {
      // A stream that breaks after its 200 header: the route does not work on this database (yet).
      const reason = `GET /api/export/annotations.csv broke off on ${ctx.database.kind}: HTTP ${code}, curl exit ${out.code} after ${bytes} bytes (${out.stderr.trim()})`;
      if (ctx.database.kind === "sqlite") throw new Error(reason);
      say(`${ctx.size}: CSV export SKIPPED: ${reason}`);
      return { skipped: reason };
    }
    appRuns.push({ seconds: Number(seconds), bytes: Number(bytes), rssGrowthMB: round((peak - rssBase) / 1e6), loadavg: Math.max(load0, loadavg()) });
    say(`  app run ${i + 1}: ${Number(seconds).toFixed(2)} s, ${(Number(bytes) / 1e6).toFixed(0)} MB, RSS +${round((peak - rssBase) / 1e6)} MB`);
  }

  const cliRuns: { seconds: number; bytes: number }[] = [];
  for (let i = 0; i < runs; i++) {
    await sleep(1000);
    const r = await databaseCsv(ctx);
    cliRuns.push({ seconds: round(r.seconds, 3), bytes: r.bytes });
    say(`  ${anchor} run ${i + 1}: ${r.seconds.toFixed(2)} s, ${(r.bytes / 1e6).toFixed(0)} MB`);
  }
  const appSeconds = median(appRuns.map((r) => r.seconds));
  const cliSeconds = median(cliRuns.map((r) => r.seconds));
  return {
    rows,
    app: {
      runs: appRuns,
      medianSeconds: round(appSeconds, 2),
      rowsPerSecond: Math.round(rows / appSeconds),
      bytes: appRuns[0]!.bytes,
      peakRssGrowthMB: Math.max(...appRuns.map((r) => r.rssGrowthMB)),
      medianRssGrowthMB: median(appRuns.map((r) => r.rssGrowthMB)),
    },
    databaseCsv: { tool: anchor, runs: cliRuns, medianSeconds: round(cliSeconds, 2), rowsPerSecond: Math.round(rows / cliSeconds), bytes: cliRuns[0]!.bytes },
    ratio: round(appSeconds / cliSeconds, 2),
    loadavg: Math.max(...appRuns.map((r) => r.loadavg)),
  };
}
