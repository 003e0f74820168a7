import { TAGS } from "@/lib/annotations/tags";
import { zeroCounts, type TTagCounts } from "./weights";

export interface IGroupInput {
  key: string;
  score: number | null;
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
export function groupScores(articles: readonly IGroupInput[]): IGroupScore[] {
  const groups = new Map<string, IGroupScore & { sum: number }>();
  for (const article of articles) {
    let group = groups.get(article.key);
    if (!group) {
      group = { key: article.key, articles: 0, scoredArticles: 0, score: null, counts: zeroCounts(), sum: 0 };
      groups.set(article.key, group);
    }
    group.articles += 1;
    for (const tag of TAGS) group.counts[tag] += article.counts[tag];
    if (article.score !== null) {
      group.scoredArticles += 1;
      group.sum += article.score;
    }
  }
  return [...groups.values()]
    .map(({ sum, ...group }) => ({
      ...group,
      score: group.scoredArticles === 0 ? null : sum / group.scoredArticles,
    }))
    .sort((a, b) => compareStrings(a.key, b.key));
}
