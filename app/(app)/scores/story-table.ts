import { z } from "zod";
import { NO_STORY_KEY, type TGroupScoreRow } from "@/lib/scoring/find-group-scores";

// The dashboard's "By story" card: a team can have thousands of stories, so the card shows one page of
// them (searchable, sortable) and the article filter offers a bounded list; the figures come from
// findGroupScores, already computed for every story in one GROUP BY.

export const STORY_PAGE_SIZE = 20;
/** How many stories the article filter's story picker offers (the ones with the most articles). */
export const STORY_PICKER_SIZE = 20;

export const STORY_SORTS = ["articles", "score", "title"] as const;
export type TStorySort = (typeof STORY_SORTS)[number];
/** The direction a column starts in when first clicked. */
export const STORY_SORT_DEFAULT_DIR: Record<TStorySort, "asc" | "desc"> = { articles: "desc", score: "desc", title: "asc" };

export const ZStoryTableQuery = z.object({
  storyQ: z.string().trim().max(100).optional().catch(undefined),
  storySort: z.enum(STORY_SORTS).catch("articles"),
  storyDir: z.enum(["asc", "desc"]).optional().catch(undefined),
  storyPage: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type TStoryTableQuery = z.infer<typeof ZStoryTableQuery>;

export type TStoryGroup = TGroupScoreRow & { label: string };

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Lower case without accents, so "cafe" finds "Café". */
function fold(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("en");
}

function compare(sort: TStorySort, dir: "asc" | "desc") {
  const sign = dir === "asc" ? 1 : -1;
  const byTitle = (a: TStoryGroup, b: TStoryGroup) => collator.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return (a: TStoryGroup, b: TStoryGroup): number => {
    if (sort === "title") {
      // "No story" is not a title: it stays at the end either way.
      if ((a.key === NO_STORY_KEY) !== (b.key === NO_STORY_KEY)) return a.key === NO_STORY_KEY ? 1 : -1;
      return sign * byTitle(a, b);
    }
    if (sort === "score") {
      // Unscored stories have no mean to rank by: last in both directions.
      if ((a.score === null) !== (b.score === null)) return a.score === null ? 1 : -1;
      const d = (a.score ?? 0) - (b.score ?? 0);
      if (d !== 0) return sign * d;
      return b.totalArticles - a.totalArticles || byTitle(a, b);
    }
    return sign * (a.totalArticles - b.totalArticles || a.articles - b.articles) || byTitle(a, b);
  };
}

export type TStoryTablePage = {
  rows: TStoryGroup[];
  /** Rows matching the search (all rows without one), "No story" included. */
  matching: number;
  /** Real stories among all groups (without "No story"). */
  stories: number;
  page: number;
  pages: number;
  /** 1-based index of the first row shown, 0 when there is none. */
  first: number;
  sort: TStorySort;
  dir: "asc" | "desc";
};

/** One page of story groups: searched by title (case- and accent-insensitive), sorted, paged. */
export function storyTablePage(groups: readonly TStoryGroup[], q: TStoryTableQuery): TStoryTablePage {
  const sort = q.storySort;
  const dir = q.storyDir ?? STORY_SORT_DEFAULT_DIR[sort];
  const needle = q.storyQ ? fold(q.storyQ) : "";
  const matching = needle ? groups.filter((g) => g.key !== NO_STORY_KEY && fold(g.label).includes(needle)) : [...groups];
  matching.sort(compare(sort, dir));
  const pages = Math.max(1, Math.ceil(matching.length / STORY_PAGE_SIZE));
  const page = Math.min(q.storyPage, pages);
  const start = (page - 1) * STORY_PAGE_SIZE;
  const rows = matching.slice(start, start + STORY_PAGE_SIZE);
  return {
    rows,
    matching: matching.length,
    stories: groups.filter((g) => g.key !== NO_STORY_KEY).length,
    page,
    pages,
    first: rows.length ? start + 1 : 0,
    sort,
    dir,
  };
}

/**
 * The article filter's story options: the STORY_PICKER_SIZE stories with the most articles, in title order,
 * plus the selected story when it is not among them (first, so it shows as chosen).
 */
export function storyPickerOptions(
  groups: readonly TStoryGroup[],
  selected: { id: string; title: string } | null,
): { selected: { id: string; title: string } | null; top: { id: string; title: string }[]; total: number } {
  const stories = groups.filter((g) => g.key !== NO_STORY_KEY);
  const top = stories
    .sort(compare("articles", "desc"))
    .slice(0, STORY_PICKER_SIZE)
    .map((g) => ({ id: g.key, title: g.label }))
    .sort((a, b) => collator.compare(a.title, b.title));
  return { selected: selected && !top.some((s) => s.id === selected.id) ? selected : null, top, total: stories.length };
}
