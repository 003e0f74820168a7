// Deterministic benchmark data, written through the app's own data layer: the database is created by the app's
// migrations (lib/db/migrations.ts) and filled with the Prisma client (lib/db/client.ts), on SQLite or PostgreSQL
// alike (the same seed gives the same rows on both); every derived field is
// computed with the app's own functions (text-quote.ts for quote/prefix/suffix, reviews/status.ts for status and
// counts, scoring/score.ts — what refresh-article-score.ts runs — for the article's cached score and counts), and a
// sample is re-checked against refreshArticleScore itself at the end.
//
//   npx tsx scripts/bench/generate.ts --size S|M [--out bench/tmp/S.db]
//   npx tsx scripts/bench/generate.ts --size S|M --url postgresql://…/EMPTY_DATABASE --manifest FILE.json
import { existsSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { codePointLength, hasAstral } from "../../lib/anchoring/code-points";
import { textQuoteSelector } from "../../lib/anchoring/text-quote";
import { dbTag, TAGS, type TStatus, type TTag } from "../../lib/annotations/tags";
import type { Tag } from "../../lib/generated/prisma/enums";
import { bodyHash } from "../../lib/articles/body-hash";
import { hashPassword } from "../../lib/auth/password";
import type { TRole } from "../../lib/auth/roles";
import { annotationStatus } from "../../lib/reviews/status";
import { articleScore } from "../../lib/scoring/score";
import { providerOf, sqliteFileFromUrl } from "../../lib/db/url";
import { teamWeights } from "../../lib/scoring/team-weights";
import { Prng } from "./prng";
import { annotationNote, articleBody, articleTitle, OUTLETS } from "./text";

export const GENERATOR_VERSION = 1;

export type TSize = "S" | "M";

export const SIZES: Record<TSize, { articles: number; annotations: number; users: number; reviews: boolean }> = {
  S: { articles: 1_000, annotations: 50_000, users: 20, reviews: false },
  M: { articles: 10_000, annotations: 1_000_000, users: 50, reviews: true },
};

/** The article every size has with exactly this many annotations (the "1,000 annotations" measurements). */
export const HOT_ARTICLE_ANNOTATIONS = 1_000;
/** Articles the create load spreads over (never the hot one, so it keeps exactly 1,000). */
const CREATE_TARGETS = 200;
const SEED = "credibility-bench-1";
const START_MS = Date.UTC(2024, 0, 1);
const SPAN_MS = 2 * 365 * 24 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;
// Rows per createMany call: measured fastest here (Prisma compiles each call; ~2-3 k rows/s either way).
const BATCH = 1_000;

export type TBenchUser = { id: string; email: string; name: string; role: TRole };
export type TManifest = {
  generatorVersion: number;
  size: TSize;
  seed: string;
  teamId: string;
  users: TBenchUser[];
  hotArticle: { id: string; length: number; annotations: number };
  targets: { id: string; length: number }[];
  counts: { teams: number; users: number; stories: number; articles: number; annotations: number; reviews: number };
  articleChars: { min: number; median: number; max: number; total: number };
  spanCodePoints: { min: number; median: number; max: number };
  generationSeconds: number;
  /** The database's size on disk after generation: the SQLite file, or pg_database_size. */
  fileBytes: number;
};

type TSkeleton = {
  id: string;
  article: number;
  author: number;
  start: number;
  end: number;
  tag: TTag;
  note: string;
  createdAt: number;
  updatedAt: number;
  agree: number;
  disagree: number;
  status: TStatus;
};
type TReviewRow = {
  id: string;
  annotationId: string;
  reviewerId: string;
  verdict: "agree" | "disagree";
  comment: string;
  suggestedTag: Tag | null;
  createdAt: Date;
  updatedAt: Date;
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Split `total` over items in proportion to `weights` (largest remainders), exactly. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]![1]]! += 1;
  return out;
}

const T0 = performance.now();
function log(message: string) {
  process.stderr.write(`  [generate ${((performance.now() - T0) / 1000).toFixed(1)} s] ${message}\n`);
}

/** Fills the database at `url`: a SQLite file (replaced) or an empty PostgreSQL database. */
export async function generateDatabase(url: string, size: TSize): Promise<TManifest> {
  const t0 = performance.now();
  const spec = SIZES[size];
  const rng = new Prng(`${SEED}/${size}`);
  if (providerOf(url) === "sqlite") {
    const file = sqliteFileFromUrl(url);
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  }

  // The app's data layer reads DATABASE_URL: point it at the new database before loading the client.
  process.env.DATABASE_URL = url;
  const { migrateDatabase } = await import("../../lib/db/migrations");
  await migrateDatabase(url);
  const { getDb } = await import("../../lib/db/client");
  const db = getDb();

  const team = await db.team.create({ data: { id: rng.cuid(START_MS), name: "Bench newsroom", createdAt: new Date(START_MS) } });
  const weights = teamWeights(team);

  // Users: one admin, a third reviewers, the rest annotators. One bcrypt hash for all (nobody logs in by password).
  const passwordHash = await hashPassword("bench-password-not-used");
  const users: TBenchUser[] = [];
  for (let i = 0; i < spec.users; i++) {
    const role = i === 0 ? "admin" : i % 3 === 1 ? "reviewer" : "annotator";
    const n = String(i + 1).padStart(3, "0");
    users.push({ id: rng.cuid(START_MS + i), email: `user${n}@bench.example`, name: `Bench User ${n}`, role });
  }
  await db.user.createMany({
    data: users.map((u) => ({ ...u, passwordHash, teamId: team.id, createdAt: new Date(START_MS), updatedAt: new Date(START_MS) })),
  });
  const reviewerIdx = users.map((u, i) => (u.role === "annotator" ? -1 : i)).filter((i) => i >= 0);
  // Some people annotate far more than others.
  const authorWeights = users.map(() => rng.logUniform(1, 20));

  // Stories: one per ten articles; 60% of articles belong to one.
  const stories = Array.from({ length: Math.max(1, spec.articles / 10) }, (_, i) => ({
    id: rng.cuid(START_MS + i),
    teamId: team.id,
    title: `Story ${i + 1}: ${articleTitle(rng, i + 1)}`,
    createdAt: new Date(START_MS),
  }));
  await db.story.createMany({ data: stories });

  // Articles: 2-20 k characters, log-uniform (many short pieces, a tail of long reads); article 0 is the hot one.
  log(`articles: ${spec.articles}`);
  const bodies: string[] = [];
  const lengths: number[] = [];
  const articleIds: string[] = [];
  const articleCreated: number[] = [];
  for (let batchStart = 0; batchStart < spec.articles; batchStart += 500) {
    const rows = [];
    for (let i = batchStart; i < Math.min(spec.articles, batchStart + 500); i++) {
      const target = i === 0 ? 20_000 : Math.round(rng.logUniform(2_000, 20_000));
      const astral = i !== 0 && rng.chance(0.05);
      const body = articleBody(rng, target, astral);
      const created = START_MS + Math.floor((i / spec.articles) * SPAN_MS * 0.9);
      const id = rng.cuid(created);
      bodies.push(body);
      lengths.push(codePointLength(body));
      articleIds.push(id);
      articleCreated.push(created);
      const day = new Date(created - rng.int(0, 3) * DAY_MS).toISOString().slice(0, 10);
      rows.push({
        id,
        teamId: team.id,
        title: articleTitle(rng, i + 1),
        outlet: rng.chance(0.03) ? null : rng.pick(OUTLETS),
        author: rng.chance(0.2) ? null : `Reporter ${rng.int(1, 300)}`,
        url: `https://news.example/${i + 1}`,
        publishedAt: rng.chance(0.05) ? day.slice(0, 7) : day,
        body,
        bodyHash: bodyHash(body),
        bodyLength: lengths[i]!,
        storyId: rng.chance(0.6) ? rng.pick(stories).id : null,
        createdById: users[rng.pick(reviewerIdx)]!.id,
        createdAt: new Date(created),
        updatedAt: new Date(created),
      });
    }
    await db.article.createMany({ data: rows });
  }

  // How many annotations each article gets: the hot one exactly 1,000, the rest by length with noise.
  const rest = apportion(
    spec.annotations - HOT_ARTICLE_ANNOTATIONS,
    lengths.slice(1).map((l) => l * rng.logUniform(0.25, 4)),
  );
  const perArticle = [HOT_ARTICLE_ANNOTATIONS, ...rest];

  log(`annotations: ${spec.annotations} (planning)`);
  const skeletons: TSkeleton[] = [];
  const endMs = START_MS + SPAN_MS;
  for (let a = 0; a < spec.articles; a++) {
    const length = lengths[a]!;
    const body = bodies[a]!;
    const snap = !hasAstral(body);
    const seen = new Set<string>();
    for (let k = 0; k < perArticle[a]!; k++) {
      for (let attempt = 0; ; attempt++) {
        // Spans: a phrase to a few sentences, 8-400 code points, log-uniform; snapped to word edges when cheap.
        const span = Math.min(length, Math.round(rng.logUniform(8, 400)));
        let start = rng.int(0, length - span);
        let end = start + span;
        if (snap) {
          const space = body.lastIndexOf(" ", start);
          if (space >= 0 && start - space < 20) start = space + 1;
          const after = body.indexOf(" ", end);
          if (after >= 0 && after - end < 20) end = after;
          if (end <= start) end = Math.min(length, start + 1);
        }
        const author = rng.weighted(authorWeights);
        const tag = TAGS[rng.weighted([3, 4, 3])]!;
        const key = `${author}/${start}/${end}/${tag}`;
        if (seen.has(key) && attempt < 50) continue;
        if (seen.has(key)) throw new Error(`Could not place a unique annotation on article ${a}`);
        seen.add(key);
        const createdAt = Math.min(endMs, articleCreated[a]! + Math.floor(rng.logUniform(60_000, 60 * DAY_MS)));
        skeletons.push({
          id: "",
          article: a,
          author,
          start,
          end,
          tag,
          note: annotationNote(rng),
          createdAt,
          updatedAt: createdAt,
          agree: 0,
          disagree: 0,
          status: "pending",
        });
        break;
      }
    }
  }
  // Inserted in creation order (as an app in use would), with time-prefixed ids.
  skeletons.sort((x, y) => x.createdAt - y.createdAt || x.article - y.article || x.start - y.start);
  for (const s of skeletons) s.id = rng.cuid(s.createdAt);

  // Reviews (M): a quarter of the annotations get one to three verdicts from teammates who are not the author.
  const reviews: TReviewRow[] = [];
  if (spec.reviews) {
    for (const s of skeletons) {
      if (!rng.chance(0.25)) continue;
      const k = rng.int(1, 3);
      const chosen = new Set<number>();
      for (let attempt = 0; chosen.size < k && attempt < 20; attempt++) {
        const r = rng.pick(reviewerIdx);
        if (r !== s.author) chosen.add(r);
      }
      for (const r of chosen) {
        const verdict = rng.chance(0.7) ? "agree" : "disagree";
        const at = Math.min(endMs, s.createdAt + Math.floor(rng.logUniform(60_000, 14 * DAY_MS)));
        reviews.push({
          id: rng.cuid(at),
          annotationId: s.id,
          reviewerId: users[r]!.id,
          verdict,
          comment: rng.chance(0.2) ? "Checked against the original statement." : "",
          suggestedTag: verdict === "disagree" && rng.chance(0.5) ? dbTag(rng.pick(TAGS.filter((t) => t !== s.tag))) : null,
          createdAt: new Date(at),
          updatedAt: new Date(at),
        });
        // What reviewAnnotation keeps on the annotation (countVerdicts skips the author; these never are).
        if (verdict === "agree") s.agree++;
        else s.disagree++;
        s.updatedAt = Math.max(s.updatedAt, at);
      }
      s.status = annotationStatus(s.agree, s.disagree);
    }
  }

  log("annotations: inserting");
  for (let i = 0; i < skeletons.length; i += BATCH) {
    const data = skeletons.slice(i, i + BATCH).map((s) => {
      const selector = textQuoteSelector(bodies[s.article]!, s.start, s.end, lengths[s.article]!);
      return {
        id: s.id,
        articleId: articleIds[s.article]!,
        authorId: users[s.author]!.id,
        start: s.start,
        end: s.end,
        quote: selector.exact,
        prefix: selector.prefix,
        suffix: selector.suffix,
        tag: dbTag(s.tag),
        note: s.note,
        status: s.status,
        agreeCount: s.agree,
        disagreeCount: s.disagree,
        createdAt: new Date(s.createdAt),
        updatedAt: new Date(s.updatedAt),
      };
    });
    await db.annotation.createMany({ data });
    if ((i / BATCH) % 100 === 0) log(`  ${i + data.length} annotations`);
  }
  if (reviews.length) {
    log(`reviews: ${reviews.length}`);
    reviews.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime());
    for (let i = 0; i < reviews.length; i += BATCH) await db.review.createMany({ data: reviews.slice(i, i + BATCH) });
  }

  // The article cache, exactly as refreshArticleScore computes it (articleScore over all the article's annotations).
  log("article scores");
  const byArticle: { id: string; start: number; end: number; tag: TTag; status: TStatus }[][] = articleIds.map(() => []);
  for (const s of skeletons) byArticle[s.article]!.push({ id: s.id, start: s.start, end: s.end, tag: s.tag, status: s.status });
  for (let i = 0; i < articleIds.length; i += 500) {
    await db.$transaction(
      articleIds.slice(i, i + 500).map((id, j) => {
        const annotations = byArticle[i + j]!;
        const result = articleScore({ annotations, weights });
        return db.article.update({
          where: { id },
          data: {
            annotationCount: annotations.length,
            score: result.score,
            consensusOfficial: result.counts["official-statement"],
            consensusAnonymous: result.counts["anonymous-source"],
            consensusOpinion: result.counts.opinion,
          },
        });
      }),
    );
  }

  await verifySample(db, rng, articleIds);
  const manifest = await describeDatabase(db, url, size, (performance.now() - t0) / 1000);
  if (
    manifest.counts.annotations !== spec.annotations ||
    manifest.counts.articles !== spec.articles ||
    manifest.counts.users !== spec.users ||
    manifest.hotArticle.id !== articleIds[0]
  ) {
    throw new Error(`Generated data differs from the size's: ${JSON.stringify(manifest.counts)}`);
  }
  await db.$disconnect();
  return manifest;
}

/** The database's size on disk: the SQLite file (its WAL checkpointed into it by then), or pg_database_size. */
export async function databaseBytes(db: import("../../lib/db/client").Db, url: string): Promise<number> {
  if (providerOf(url) === "sqlite") return statSync(sqliteFileFromUrl(url)).size;
  const rows = await db.$queryRaw<{ bytes: bigint }[]>`SELECT pg_database_size(current_database()) AS "bytes"`;
  return Number(rows[0]!.bytes);
}

/** What the benchmark needs to know about a generated database, read back from it. */
export async function describeDatabase(
  db: import("../../lib/db/client").Db,
  url: string,
  size: TSize,
  generationSeconds: number,
): Promise<TManifest> {
  const team = await db.team.findFirstOrThrow({ where: { name: "Bench newsroom" } });
  const users = await db.user.findMany({ orderBy: { email: "asc" }, select: { id: true, email: true, name: true, role: true } });
  // Articles were created in index order (createdAt grows with the index): article 0 is the hot one.
  const articles = await db.article.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, bodyLength: true, annotationCount: true } });
  const lengths = articles.map((a) => a.bodyLength);
  const step = Math.floor((articles.length - 1) / CREATE_TARGETS);
  const targets = articles.slice(1).filter((_, i) => (i + 1) % step === 0).slice(0, CREATE_TARGETS);
  const spans: number[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await db.annotation.findMany({
      select: { id: true, start: true, end: true },
      orderBy: { id: "asc" },
      take: 50_000,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const a of page) spans.push(a.end - a.start);
    if (page.length < 50_000) break;
    cursor = page.at(-1)!.id;
  }
  const stats = (xs: number[]) => {
    let min = Infinity;
    let max = -Infinity;
    let total = 0;
    for (const x of xs) {
      min = Math.min(min, x);
      max = Math.max(max, x);
      total += x;
    }
    return { min, median: median(xs), max, total };
  };
  const spanStats = stats(spans);
  return {
    generatorVersion: GENERATOR_VERSION,
    size,
    seed: SEED,
    teamId: team.id,
    users,
    hotArticle: { id: articles[0]!.id, length: lengths[0]!, annotations: articles[0]!.annotationCount },
    targets: targets.map((a) => ({ id: a.id, length: a.bodyLength })),
    counts: {
      teams: await db.team.count(),
      users: users.length,
      stories: await db.story.count(),
      articles: articles.length,
      annotations: spans.length,
      reviews: await db.review.count(),
    },
    articleChars: stats(lengths),
    spanCodePoints: { min: spanStats.min, median: spanStats.median, max: spanStats.max },
    generationSeconds,
    fileBytes: await databaseBytes(db, url),
  };
}

/** Re-derives a sample with the app's own write-path code and compares it with what was generated. */
async function verifySample(db: import("../../lib/db/client").Db, rng: Prng, articleIds: string[]) {
  const { refreshArticleScore } = await import("../../lib/scoring/refresh-article-score");
  const { countVerdicts } = await import("../../lib/reviews/status");
  const sample = [articleIds[0]!, ...Array.from({ length: 24 }, () => rng.pick(articleIds))];
  const fields = { annotationCount: true, score: true, consensusOfficial: true, consensusAnonymous: true, consensusOpinion: true } as const;
  for (const id of sample) {
    const before = await db.article.findUniqueOrThrow({ where: { id }, select: fields });
    await db.$transaction((tx) => refreshArticleScore(tx, id));
    const after = await db.article.findUniqueOrThrow({ where: { id }, select: fields });
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      throw new Error(`Article ${id}: generated cache ${JSON.stringify(before)} != refreshArticleScore ${JSON.stringify(after)}`);
    }
    const annotations = await db.annotation.findMany({
      where: { articleId: id },
      take: 50,
      include: { reviews: { select: { verdict: true, reviewerId: true } }, article: { select: { body: true, bodyLength: true } } },
    });
    for (const a of annotations) {
      const selector = textQuoteSelector(a.article.body, a.start, a.end, a.article.bodyLength);
      const c = countVerdicts(a.reviews.map((r) => ({ verdict: r.verdict, reviewerId: r.reviewerId })), a.authorId);
      if (selector.exact !== a.quote || selector.prefix !== a.prefix || selector.suffix !== a.suffix) {
        throw new Error(`Annotation ${a.id}: quote/prefix/suffix differ from the body`);
      }
      if (c.agree !== a.agreeCount || c.disagree !== a.disagreeCount || annotationStatus(c.agree, c.disagree) !== a.status) {
        throw new Error(`Annotation ${a.id}: status/counts differ from its reviews`);
      }
    }
  }
  log(`verified ${sample.length} articles against refreshArticleScore, quotes and review counts`);
}

export function manifestPath(file: string): string {
  return `${file}.json`;
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const size = (option("--size") ?? "").toUpperCase() as TSize;
  if (!(size in SIZES)) {
    console.error("Usage: npx tsx scripts/bench/generate.ts --size S|M [--out FILE | --url postgresql://… --manifest FILE]");
    process.exit(2);
  }
  const pgUrl = option("--url");
  const out = path.resolve(option("--out") ?? path.join("bench", "tmp", `${size}.db`));
  const url = pgUrl ?? `file:${out}`;
  const manifestFile = pgUrl ? path.resolve(option("--manifest") ?? "") : manifestPath(out);
  if (pgUrl && (providerOf(pgUrl) !== "postgresql" || !option("--manifest"))) {
    console.error("--url takes a postgresql:// URL of an empty database, and needs --manifest FILE");
    process.exit(2);
  }
  let manifest: TManifest;
  if (args.includes("--describe")) {
    // Rewrites the manifest of already generated data (e.g. after an interrupted run), keeping its generation time.
    process.env.DATABASE_URL = url;
    const { getDb } = await import("../../lib/db/client");
    manifest = await describeDatabase(getDb(), url, size, Number(option("--describe") ?? "0"));
    await getDb().$disconnect();
  } else {
    manifest = await generateDatabase(url, size);
  }
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  console.log(
    `Generated ${size} in ${manifest.generationSeconds.toFixed(1)} s: ${JSON.stringify(manifest.counts)}, ` +
      `${(manifest.fileBytes / 1e6).toFixed(0)} MB -> ${pgUrl ? new URL(pgUrl).pathname.slice(1) : out}`,
  );
}

if (require.main === module && existsSync(path.resolve("package.json"))) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
