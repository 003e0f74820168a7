import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { combineGroups, type TTagCounts } from "./score";

export type TGroupBy = "outlet" | "story";

export type TGroupScoreRow = {
  key: string;
  /** Story groups only: the story's title, or "No story" for the articles without one (key "none"). */
  label?: string;
  /** Scored articles: the ones the mean is taken over. */
  articles: number;
  totalArticles: number;
  score: number | null;
  counts: TTagCounts;
};

export const NO_STORY_KEY = "none";
const UNKNOWN_OUTLET = "Unknown outlet";

/**
 * Mean article score per outlet or story over the articles that have a score (metrics.md), from the
 * per-article cache: no annotation is read here, and the database does the adding up (one GROUP BY, one
 * row per group), so the cost in the app does not grow with the number of articles. `articles` counts the
 * scored articles behind the mean, `totalArticles` all of them. Groups are sorted by key.
 */
export async function findGroupScores(user: TSessionUser, groupBy: TGroupBy): Promise<TGroupScoreRow[]> {
  const aggregates = {
    where: { teamId: user.teamId },
    _count: { _all: true, score: true },
    _sum: { score: true, consensusOfficial: true, consensusAnonymous: true, consensusOpinion: true },
  } as const;
  const rows =
    groupBy === "outlet"
      ? (await db.article.groupBy({ by: ["outlet"], ...aggregates })).map((r) => ({
          ...r,
          key: r.outlet ?? UNKNOWN_OUTLET,
        }))
      : (await db.article.groupBy({ by: ["storyId"], ...aggregates })).map((r) => ({
          ...r,
          key: r.storyId ?? NO_STORY_KEY,
        }));
  // SUM and COUNT, not AVG, so that two SQL groups with the same key (a null outlet and one literally
  // called "Unknown outlet") still combine into the exact mean over their scored articles.
  const groups = combineGroups(
    rows.map((r) => ({
      key: r.key,
      articles: r._count._all,
      scoredArticles: r._count.score,
      scoreSum: r._sum.score ?? 0,
      counts: {
        "official-statement": r._sum.consensusOfficial ?? 0,
        "anonymous-source": r._sum.consensusAnonymous ?? 0,
        opinion: r._sum.consensusOpinion ?? 0,
      },
    })),
  );
  const labels = new Map<string, string>();
  if (groupBy === "story") {
    // The team's stories in one indexed read: cheaper than an `IN` list of every story id (which costs
    // more than the titles it fetches once there are hundreds), and stories come with their articles anyway.
    const stories = groups.some((g) => g.key !== NO_STORY_KEY)
      ? await db.story.findMany({ where: { teamId: user.teamId }, select: { id: true, title: true } })
      : [];
    for (const s of stories) labels.set(s.id, s.title);
    labels.set(NO_STORY_KEY, "No story");
  }
  return groups.map((g) => ({
    key: g.key,
    ...(groupBy === "story" ? { label: labels.get(g.key) ?? g.key } : {}),
    articles: g.scoredArticles,
    totalArticles: g.articles,
    score: g.score,
    counts: g.counts,
  }));
}
