import { TAGS } from "@/lib/annotations/tags";
import { zeroCounts, type TTagCounts } from "./weights";

export interface IGroupInput {
  key: string;
  score: number | null;
  counts: TTagCounts;
}

/**
 * A partial total over some of a group's articles, e.g. one row of a SQL `GROUP BY`: several partials may
 * share a key (two SQL groups that map to the same key) and are added up by `combineGroups`.
 */
export interface IGroupPartial {
  key: string;
  /** Articles in this partial, annotated or not. */
  articles: number;
  /** Of which have a score. */
  scoredArticles: number;
  /** Sum of those scores (0 when none). */
  scoreSum: number;
  counts: TTagCounts;
}

export interface IGroupScore {
  key: string;
  /** Every article in the group, annotated or not. */
  articles: number;
  /** Articles with a score (score !== null): the ones the mean is taken over. */
  scoredArticles: number;
  /** Mean of the non-null article scores; null when no article in the group has a score yet. */
  score: number | null;
  /** Consensus-span counts summed over the group's articles. */
  counts: TTagCounts;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// metrics.md: a group's score is the mean over its articles that have a score. Unannotated articles
// (score null) must not drag the mean towards 50, but they still count in `articles` so the UI can show
// "3 of 5 articles scored". Groups come back sorted by key so the API output is deterministic.
export function combineGroups(partials: readonly IGroupPartial[]): IGroupScore[] {
  const groups = new Map<string, IGroupPartial>();
  for (const part of partials) {
    let group = groups.get(part.key);
    if (!group) {
      group = { key: part.key, articles: 0, scoredArticles: 0, scoreSum: 0, counts: zeroCounts() };
      groups.set(part.key, group);
    }
    group.articles += part.articles;
    group.scoredArticles += part.scoredArticles;
    group.scoreSum += part.scoreSum;
    for (const tag of TAGS) group.counts[tag] += part.counts[tag];
  }
  return [...groups.values()]
    .map(({ key, articles, scoredArticles, scoreSum, counts }) => ({
      key,
      articles,
      scoredArticles,
      score: scoredArticles === 0 ? null : scoreSum / scoredArticles,
      counts,
    }))
    .sort((a, b) => compareStrings(a.key, b.key));
}

/** The same, one article at a time. */
export function groupScores(articles: readonly IGroupInput[]): IGroupScore[] {
  return combineGroups(
    articles.map((a) => ({
      key: a.key,
      articles: 1,
      scoredArticles: a.score === null ? 0 : 1,
      scoreSum: a.score ?? 0,
      counts: a.counts,
    })),
  );
}
