// Creates on one article: the cost of a create must not grow with the annotations the article already holds. The
// same wrk load as the spread-out create run, aimed at one new article, first fresh, then holding 10,000
// annotations; spans fall on the article's passages, as a crowd of reviewers tagging the same story's sentences.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { textQuoteSelector } from "../../lib/anchoring/text-quote";
import { dbTag, TAGS } from "../../lib/annotations/tags";
import type { TCtx } from "./context";
import { sayRun, wrkRun, type TStack } from "./create";
import { cacheMatchesRecompute, hotReviewRuns } from "./hot-review";
import { TMP } from "./database";
import { postStatus } from "./http";
import { Prng } from "./prng";
import type { TCreateRun, THotArticleResults } from "./results";
import { say } from "./util";

const PRELOADED = 10_000;
/** The annotations a "fresh" article holds for its review runs. */
const FEW = 200;
/** Code points per passage: about a sentence. */
const PASSAGE = 150;
/** The article's length: a long feature, so 10,000 annotations fall ~250 to a passage. */
const MIN_LENGTH = 6_000;
const PRELOAD_NOTE = "bench-hot-preload";

type TArticle = { id: string; body: string; bodyLength: number };

async function newArticle(ctx: TCtx): Promise<TArticle> {
  const hot = await ctx.db.article.findUniqueOrThrow({ where: { id: ctx.manifest.hotArticle.id } });
  let body = hot.body;
  while ([...body].length < MIN_LENGTH) body += `\n\n${hot.body}`;
  const bodyLength = [...body].length;
  return ctx.db.article.create({
    data: { teamId: hot.teamId, title: "Bench: one busy article", body, bodyLength, bodyHash: randomBytes(16).toString("hex") },
    select: { id: true, body: true, bodyLength: true },
  });
}

/** 10,000 distinct annotations as create.lua makes them with PASSAGE, by the bench's users (always the same ones). */
function passageRows(ctx: TCtx, article: TArticle) {
  const rng = new Prng("hot-article");
  const passages = Math.floor(article.bodyLength / PASSAGE) - 1;
  const seen = new Set<string>();
  const rows = [];
  while (rows.length < PRELOADED) {
    const start = PASSAGE * rng.int(0, passages - 1) + rng.int(0, Math.floor(PASSAGE / 8));
    const end = start + Math.floor(PASSAGE * (0.6 + 0.4 * rng.next()));
    const tag = TAGS[rng.int(0, 2)]!;
    const author = ctx.manifest.users[rng.int(0, ctx.manifest.users.length - 1)]!;
    const key = `${author.id} ${start} ${end} ${tag}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const selector = textQuoteSelector(article.body, start, end, article.bodyLength);
    rows.push({ articleId: article.id, authorId: author.id, start, end, tag: dbTag(tag), note: PRELOAD_NOTE, quote: selector.exact, prefix: selector.prefix, suffix: selector.suffix });
  }
  return rows;
}

/** Stores the rows and refreshes the article's cached score. */
async function preload(ctx: TCtx, articleId: string, rows: ReturnType<typeof passageRows>): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await ctx.db.annotation.createMany({ data: rows.slice(i, i + 1000) });
  const { refreshArticleScore } = await import("../../lib/scoring/refresh-article-score");
  await ctx.db.$transaction((tx) => refreshArticleScore(tx, articleId), { timeout: 60_000 });
}

async function runs(ctx: TCtx, targetsFile: string, stacks: TStack[], label: string, seed: number) {
  const count = ctx.quick ? 1 : 3;
  const seconds = ctx.quick ? 5 : 10;
  const out: THotArticleResults["fresh"] = {};
  for (const connections of [8, 64]) {
    say(`${ctx.size}: creates on one ${label} article, ${connections} connections, ${count} × ${seconds} s per stack (wrk)`);
    for (const stack of stacks) await wrkRun(ctx, stack, connections, 3, targetsFile, seed++, false, { passage: PASSAGE });
    const entry = { product: [] as TCreateRun[], bare: [] as TCreateRun[] };
    for (let i = 0; i < count; i++) {
      for (const stack of stacks) {
        const run = await wrkRun(ctx, stack, connections, seconds, targetsFile, seed++, true, { passage: PASSAGE });
        entry[stack].push(run);
        sayRun(stack, i, run);
      }
    }
    out[String(connections)] = entry;
  }
  return out;
}

export async function hotArticleScenarios(ctx: TCtx): Promise<THotArticleResults> {
  const article = await newArticle(ctx);
  try {
    const targetsFile = path.join(TMP, `targets-${ctx.size}-hot.txt`);
    writeFileSync(targetsFile, [...ctx.cookies.map((c) => `C ${c}`), `A ${article.id} ${article.bodyLength}`].join("\n") + "\n");
    const bare = (await postStatus(`${ctx.server.base}/api/bench-bare`, ctx.cookies[0]!)) !== 404;
    const stacks: TStack[] = bare ? ["product", "bare"] : ["product"];
    const fresh = await runs(ctx, targetsFile, stacks, "fresh", 1000);
    const rows = passageRows(ctx, article);
    // Reviews need annotations to review: a fresh article's first few, then the same article busy.
    await preload(ctx, article.id, rows.slice(0, FEW));
    const reviewsFresh = await hotReviewRuns(ctx, article.id, `${FEW}-annotation`);
    say(`${ctx.size}: loading ${PRELOADED.toLocaleString("en-US")} annotations onto the article`);
    await preload(ctx, article.id, rows.slice(FEW));
    const hot = await runs(ctx, targetsFile, stacks, `${PRELOADED.toLocaleString("en-US")}-annotation`, 2000);
    const reviews = await hotReviewRuns(ctx, article.id, `${PRELOADED.toLocaleString("en-US")}-annotation`);
    const cacheExactAfterReviews = await cacheMatchesRecompute(ctx, article.id);
    say(`${ctx.size}: the busy article's cached score after the reviews ${cacheExactAfterReviews ? "equals" : "DIFFERS FROM"} a full recompute`);
    return { articleLength: article.bodyLength, preloaded: rows.length, passage: PASSAGE, fresh, hot, reviewsFresh, fewAnnotations: FEW, reviews, cacheExactAfterReviews };
  } finally {
    await ctx.db.annotation.deleteMany({ where: { articleId: article.id } });
    await ctx.db.article.delete({ where: { id: article.id } });
  }
}
