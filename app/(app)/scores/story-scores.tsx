import Link from "next/link";
import { NO_STORY_KEY } from "@/lib/scoring/find-group-scores";
import { dashboardHref, HiddenParams, type TDashboardQuery } from "./query";
import { STORY_SORT_DEFAULT_DIR, storyTablePage, type TStoryGroup, type TStorySort } from "./story-table";

const n = new Intl.NumberFormat("en");

export function ScoreCell({ score }: { score: number | null }) {
  return score === null ? <span className="muted">not yet annotated</span> : <strong>{score.toFixed(1)}</strong>;
}

/** A group's two figure cells, the same in the outlet and the story tables: scored articles of all, mean score. */
export function GroupFigureCells({ g }: { g: { articles: number; totalArticles: number; score: number | null } }) {
  return (
    <>
      <td className="num">
        {g.articles} <span className="muted">of {g.totalArticles}</span>
      </td>
      <td className="num">
        <ScoreCell score={g.score} />
      </td>
    </>
  );
}

/**
 * "By story": one page (STORY_PAGE_SIZE rows) of the team's stories with their mean scores, searchable by
 * title and sortable by any column; everything lives in the URL, so it works without JavaScript and every
 * state can be linked to.
 */
export function StoryScores({ q, groups }: { q: TDashboardQuery; groups: readonly TStoryGroup[] }) {
  const t = storyTablePage(groups, q);
  const last = t.first === 0 ? 0 : t.first + t.rows.length - 1;
  const sortHeader = (key: TStorySort, label: string, className?: string) => {
    const active = t.sort === key;
    const dir = active ? (t.dir === "asc" ? "desc" : "asc") : STORY_SORT_DEFAULT_DIR[key];
    return (
      <th scope="col" className={className} aria-sort={active ? (t.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link
          href={dashboardHref(q, { storySort: key, storyDir: dir === STORY_SORT_DEFAULT_DIR[key] ? undefined : dir, storyPage: 1 })}
          className="sort-link"
          scroll={false}
        >
          {label} {active ? (t.dir === "asc" ? "▲" : "▼") : ""}
        </Link>
      </th>
    );
  };

  return (
    <section className="card story-card" aria-labelledby="story-scores-title">
      <div className="card-head">
        <h2 id="story-scores-title">By story</h2>
        <span className="muted small-text">
          {n.format(t.stories)} {t.stories === 1 ? "story" : "stories"} with articles
        </span>
      </div>
      <form action="/scores" role="search" className="row story-search" aria-label="Stories" key={q.storyQ ?? ""}>
        <HiddenParams q={q} own={["storyQ", "storyPage"]} />
        <input
          type="search"
          name="storyQ"
          className="input"
          defaultValue={q.storyQ ?? ""}
          placeholder="Search stories by title"
          aria-label="Search stories by title"
          maxLength={100}
        />
        <button type="submit" className="button small">
          Search
        </button>
        {q.storyQ && (
          <Link href={dashboardHref(q, { storyQ: undefined, storyPage: 1 })} className="button small ghost" scroll={false}>
            Clear
          </Link>
        )}
      </form>
      <table className="mini-table" data-testid="story-scores">
        <thead>
          <tr>
            {sortHeader("title", "Story")}
            {sortHeader("articles", "Articles scored", "num")}
            {sortHeader("score", "Mean score", "num")}
          </tr>
        </thead>
        <tbody>
          {t.rows.length === 0 ? (
            <tr>
              <td colSpan={3} className="muted">
                No story title contains “{q.storyQ}”.
              </td>
            </tr>
          ) : (
            t.rows.map((g) => (
              <tr key={g.key} aria-current={q.story === g.key ? "true" : undefined}>
                <td>
                  {g.key === NO_STORY_KEY ? (
                    <span className="muted">No story</span>
                  ) : (
                    <>
                      <Link href={`/stories/${g.key}`}>{g.label}</Link>{" "}
                      {q.story === g.key ? (
                        <span className="row-action muted">filtered below</span>
                      ) : (
                        <Link href={dashboardHref(q, { story: g.key, page: 1 })} className="row-action" aria-label={`Filter articles by “${g.label}”`}>
                          Filter
                        </Link>
                      )}
                    </>
                  )}
                </td>
                <GroupFigureCells g={g} />
              </tr>
            ))
          )}
        </tbody>
      </table>
      {t.matching > 0 && (
        <nav className="pager small-text" aria-label="Story pages">
          {t.page > 1 ? (
            <Link href={dashboardHref(q, { storyPage: t.page - 1 })} scroll={false}>
              ← Previous
            </Link>
          ) : null}
          <span className="muted" aria-live="polite">
            {t.rows.length === t.matching
              ? `${n.format(t.matching)} ${q.storyQ ? (t.matching === 1 ? "match" : "matches") : t.matching === 1 ? "row" : "rows"}`
              : `${n.format(t.first)}–${n.format(last)} of ${n.format(t.matching)}${q.storyQ ? " matches" : ""}`}
          </span>
          {t.page < t.pages ? (
            <Link href={dashboardHref(q, { storyPage: t.page + 1 })} scroll={false}>
              Next →
            </Link>
          ) : null}
        </nav>
      )}
    </section>
  );
}
