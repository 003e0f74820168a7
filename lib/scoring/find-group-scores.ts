import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { groupScores } from "./score";

export type TGroupBy = "outlet" | "story";

/**
 * Mean article score per outlet or story over the articles that have a score (metrics.md), from the
 * per-article cache: no annotation is read here. `articles` counts the scored articles behind the mean.
 */
export async function findGroupScores(user: TSessionUser, groupBy: TGroupBy) {
  const articles = await db.article.findMany({
    where: { teamId: user.teamId },
    select: {
      outlet: true,
      score: true,
      consensusOfficial: true,
      consensusAnonymous: true,
      consensusOpinion: true,
      story: { select: { id: true, title: true } },
    },
  });
  const labels = new Map<string, string>();
  const groups = groupScores(
    articles.map((a) => {
      const key = groupBy === "outlet" ? (a.outlet ?? "Unknown outlet") : (a.story?.id ?? "none");
      if (groupBy === "story") labels.set(key, a.story?.title ?? "No story");
      return {
        key,
        score: a.score,
        counts: {
          "official-statement": a.consensusOfficial,
          "anonymous-source": a.consensusAnonymous,
          opinion: a.consensusOpinion,
        },
      };
    }),
  );
  return groups.map((g) => ({
    key: g.key,
    ...(groupBy === "story" ? { label: labels.get(g.key) ?? g.key } : {}),
    articles: g.scoredArticles,
    totalArticles: g.articles,
    score: g.score,
    counts: g.counts,
  }));
}
