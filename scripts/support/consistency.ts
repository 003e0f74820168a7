// What the database must say after a test has written through the API: every acknowledged write is stored, every
// acknowledged delete is gone, and every cached figure equals a full recompute by the app's own functions
// (lib/scoring, lib/reviews) from the rows read back.
import { withApiTag } from "../../lib/annotations/tags";
import { disconnectDb, getDb } from "../../lib/db/client";
import { annotationStatus, countVerdicts, type TVerdict } from "../../lib/reviews/status";
import { scoreCache } from "../../lib/scoring/refresh-article-score";

/** What the test was told: acknowledged creates and deletes, and each reviewer's last acknowledged verdict. */
export type TAcknowledged = {
  created: Set<string>;
  deleted: Set<string>;
  /** `${annotationId} ${reviewerEmail}` → verdict, for pairs whose requests were never in flight together. */
  verdicts: Map<string, TVerdict>;
};

export const verdictKey = (annotationId: string, reviewerEmail: string) => `${annotationId} ${reviewerEmail}`;

export function emptyAcknowledged(): TAcknowledged {
  return { created: new Set(), deleted: new Set(), verdicts: new Map() };
}

export type TCheck = { name: string; checked: number; mismatches: string[] };

/** Runs `work` with the script's own client on `databaseUrl`, closed afterwards. */
export async function withDatabase<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  process.env.DATABASE_URL = databaseUrl;
  try {
    return await work();
  } finally {
    await disconnectDb();
  }
}

/** Acknowledged creates present, acknowledged deletes absent (or kept only as deleted), acknowledged verdicts stored as the last one said. */
export async function checkAcknowledged(ack: TAcknowledged): Promise<TCheck[]> {
  const db = getDb();
  const stored = new Set((await db.annotation.findMany({ where: { deletedAt: null }, select: { id: true } })).map((a) => a.id));
  const kept = [...ack.created].filter((id) => !ack.deleted.has(id));
  const missing = kept.filter((id) => !stored.has(id)).map((id) => `annotation ${id} acknowledged but not stored`);
  const resurrected = [...ack.deleted].filter((id) => stored.has(id)).map((id) => `annotation ${id} deleted (acknowledged) but stored`);

  const reviews = await db.review.findMany({ select: { annotationId: true, verdict: true, reviewer: { select: { email: true } } } });
  const storedVerdicts = new Map(reviews.map((r) => [verdictKey(r.annotationId, r.reviewer.email), r.verdict]));
  const verdictMismatches: string[] = [];
  let verdictsChecked = 0;
  for (const [key, verdict] of ack.verdicts) {
    if (!stored.has(key.split(" ")[0]!)) continue;
    verdictsChecked++;
    const found = storedVerdicts.get(key);
    if (found !== verdict) verdictMismatches.push(`review ${key}: acknowledged ${verdict}, stored ${found ?? "nothing"}`);
  }
  return [
    { name: "acknowledged creates stored", checked: kept.length, mismatches: missing },
    { name: "acknowledged deletes gone", checked: ack.deleted.size, mismatches: resurrected },
    { name: "last acknowledged verdicts stored", checked: verdictsChecked, mismatches: verdictMismatches },
  ];
}

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

/** Every annotation's counts and status from its Review rows; every article's cache from its annotations. */
export async function checkDerived(): Promise<TCheck[]> {
  const db = getDb();
  const annotations = await db.annotation.findMany({
    select: {
      id: true,
      authorId: true,
      agreeCount: true,
      disagreeCount: true,
      status: true,
      reviews: { select: { verdict: true, reviewerId: true } },
    },
  });
  const countMismatches: string[] = [];
  for (const a of annotations) {
    const counts = countVerdicts(
      a.reviews.map((r) => ({ verdict: r.verdict as TVerdict, reviewerId: r.reviewerId })),
      a.authorId,
    );
    const status = annotationStatus(counts.agree, counts.disagree);
    if (a.agreeCount !== counts.agree || a.disagreeCount !== counts.disagree || a.status !== status) {
      countMismatches.push(
        `annotation ${a.id}: stored ${a.agreeCount}/${a.disagreeCount} ${a.status}, reviews say ${counts.agree}/${counts.disagree} ${status}`,
      );
    }
  }

  const articles = await db.article.findMany({
    select: {
      id: true,
      annotationCount: true,
      score: true,
      consensusOfficial: true,
      consensusAnonymous: true,
      consensusOpinion: true,
      team: { select: { weightOfficialStatement: true, weightAnonymousSource: true, weightOpinion: true } },
      annotations: { where: { deletedAt: null }, select: { id: true, start: true, end: true, tag: true, status: true } },
    },
  });
  const cacheMismatches: string[] = [];
  for (const { team, annotations: rows, ...cached } of articles) {
    const expected = scoreCache(rows.map(withApiTag), team);
    const same =
      cached.annotationCount === expected.annotationCount &&
      close(cached.score, expected.score) &&
      cached.consensusOfficial === expected.consensusOfficial &&
      cached.consensusAnonymous === expected.consensusAnonymous &&
      cached.consensusOpinion === expected.consensusOpinion;
    if (!same) {
      const { id, ...stored } = cached;
      cacheMismatches.push(`article ${id}: cached ${JSON.stringify(stored)}, recomputed ${JSON.stringify(expected)}`);
    }
  }
  return [
    { name: "annotation counts and status equal their reviews", checked: annotations.length, mismatches: countMismatches },
    { name: "article caches equal a full recompute", checked: articles.length, mismatches: cacheMismatches },
  ];
}

/** One line per check (and the first few mismatches); true when there are none. */
export function reportChecks(checks: readonly TCheck[]): boolean {
  for (const c of checks) {
    console.log(`${c.mismatches.length ? "✗" : "✓"} ${c.name}: ${c.checked} checked, ${c.mismatches.length} mismatches`);
    for (const m of c.mismatches.slice(0, 5)) console.log(`    ${m}`);
    if (c.mismatches.length > 5) console.log(`    … and ${c.mismatches.length - 5} more`);
  }
  return checks.every((c) => c.mismatches.length === 0);
}
