import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/session";
import { findGroupScores } from "@/lib/scoring/find-group-scores";
import { findScoreTable, type TScoreTableQuery } from "@/lib/scoring/find-score-table";
import { formatPublished } from "@/lib/ui/format";
import { dashboardHref as href, HiddenParams, parseDashboardQuery } from "./query";
import { GroupFigureCells, ScoreCell, StoryScores } from "./story-scores";
import { storyPickerOptions, type TStoryGroup } from "./story-table";

export const metadata: Metadata = { title: "Scores" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type GroupRow = { key: string; label: React.ReactNode; articles: number; totalArticles: number; score: number | null };

function GroupTable({ title, column, testId, groups }: { title: string; column: string; testId: string; groups: GroupRow[] }) {
  return (
    <section className="card">
      <h2>{title}</h2>
      <table className="mini-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{column}</th>
            <th scope="col" className="num">Articles scored</th>
            <th scope="col" className="num">Mean score</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <td>{g.label}</td>
              <GroupFigureCells g={g} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export default async function ScoresPage({ searchParams }: Props) {
  const user = await requireUser("/scores");
  const q = parseDashboardQuery(await searchParams);
  const [table, outlets, stories] = await Promise.all([
    findScoreTable(user, q),
    findGroupScores(user, "outlet"),
    findGroupScores(user, "story"),
  ]);
  const storyGroups = stories.map((g) => ({ ...g, label: g.label ?? g.key })) satisfies TStoryGroup[];
  const picker = storyPickerOptions(storyGroups, table.selectedStory);
  const sortHeader = (key: TScoreTableQuery["sort"], label: string, className?: string) => {
    const active = q.sort === key;
    const dir = active && q.dir === "desc" ? "asc" : "desc";
    return (
      <th scope="col" className={className} aria-sort={active ? (q.dir === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={href(q, { sort: key, dir, page: 1 })} className="sort-link">
          {label} {active ? (q.dir === "asc" ? "▲" : "▼") : ""}
        </Link>
      </th>
    );
  };

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Scores</h1>
          <p className="muted">
            Credibility scores from consensus spans (0 = anonymous or opinion only, 50 = no evidence either way, 100 = fully on-record). Group
            scores are the mean over articles that have a score.
          </p>
        </div>
      </div>
      <div className="grid-2">
        <GroupTable
          title="By outlet"
          column="Outlet"
          testId="outlet-scores"
          groups={outlets.map((g) => ({ ...g, label: <Link href={href(q, { outlet: g.key, page: 1 })}>{g.key}</Link> }))}
        />
        <StoryScores q={q} groups={storyGroups} />
      </div>
      {/* Keyed by the filters so that a link that changes them (an outlet or story row) also resets the controls. */}
      <form className="filters card" action="/scores" key={[q.outlet, q.story, q.from, q.to].join("\u0000")}>
        <HiddenParams q={q} own={["outlet", "story", "from", "to", "page"]} />
        <label className="field">
          <span>Outlet</span>
          <select name="outlet" defaultValue={q.outlet ?? ""}>
            <option value="">All outlets</option>
            {table.outlets.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Story</span>
          <select name="story" defaultValue={q.story ?? ""}>
            <option value="">All stories</option>
            {picker.selected && <option value={picker.selected.id}>{picker.selected.title}</option>}
            {picker.top.length > 0 && (
              <optgroup
                label={
                  picker.top.length < picker.total
                    ? `The ${picker.top.length} stories with the most articles (search “By story” for the others)`
                    : "Stories"
                }
              >
                {picker.top.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </label>
        <label className="field">
          <span>Published from</span>
          <input type="date" name="from" defaultValue={q.from ?? ""} />
        </label>
        <label className="field">
          <span>to</span>
          <input type="date" name="to" defaultValue={q.to ?? ""} />
        </label>
        <button type="submit" className="button primary">
          Apply
        </button>
        <Link href="/scores" className="button ghost">
          Reset
        </Link>
      </form>
      {table.rows.length === 0 ? (
        <div className="empty">
          <h2>No articles match</h2>
          <p className="muted">Change or reset the filters.</p>
        </div>
      ) : (
        <table className="table" data-testid="score-table" aria-label="Article scores" tabIndex={0}>
          <thead>
            <tr>
              {sortHeader("title", "Article")}
              {sortHeader("outlet", "Outlet")}
              {sortHeader("date", "Published")}
              {sortHeader("annotations", "Annotations", "num")}
              {sortHeader("score", "Score", "num")}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/articles/${a.id}`} className="title-link">
                    {a.title}
                  </Link>
                  {a.story && (
                    <div className="small-text">
                      <Link href={`/stories/${a.story.id}`} className="muted">
                        {a.story.title}
                      </Link>
                    </div>
                  )}
                </td>
                <td>{a.outlet ?? <span className="muted">Unknown</span>}</td>
                <td className="nowrap">{formatPublished(a.publishedAt)}</td>
                <td className="num">{a.annotationCount}</td>
                <td className="num">
                  <ScoreCell score={a.score} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {table.pages > 1 && (
        <nav className="pager" aria-label="Pages">
          {q.page > 1 && <Link href={href(q, { page: q.page - 1 })}>← Previous</Link>}
          <span className="muted">
            Page {q.page} of {table.pages} · {table.total} articles
          </span>
          {q.page < table.pages && <Link href={href(q, { page: q.page + 1 })}>Next →</Link>}
        </nav>
      )}
    </div>
  );
}
