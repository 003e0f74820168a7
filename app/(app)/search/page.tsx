import type { Metadata } from "next";
import Link from "next/link";
import { TAGS, TAG_LABELS } from "@/lib/annotations/tags";
import { teamStories } from "@/lib/import/options";
import { search, searchWords, type TSearchResult } from "@/lib/search/search";
import { ZSearchQuery } from "@/lib/search/schemas";
import { requireUser } from "@/lib/session";
import { plural } from "@/lib/ui/format";
import { findTeamMembers } from "@/lib/users/find-team-members";

export const metadata: Metadata = { title: "Search" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The snippet with the words searched for marked (the last one as the start of a word, as the search matched it). */
function Marked({ text, words }: { text: string; words: string[] }) {
  if (!words.length) return <>{text}</>;
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(${words.map((w, i) => (i === words.length - 1 ? `${escape(w)}[\\p{L}\\p{N}]*` : escape(w))).join("|")})`, "giu");
  return (
    <>
      {text.split(pattern).map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : <span key={i}>{part}</span>))}
    </>
  );
}

const href = (r: TSearchResult) => (r.annotationId ? `/articles/${r.articleId}?annotation=${r.annotationId}` : `/articles/${r.articleId}`);

export default async function SearchPage({ searchParams }: Props) {
  const user = await requireUser("/search");
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : [])));
  const parsed = raw.q === undefined ? null : ZSearchQuery.safeParse(raw);
  let results: TSearchResult[] | null = null;
  let problem: string | null = null;
  if (parsed && !parsed.success) problem = parsed.error.issues[0]?.message ?? "That search is not valid.";
  else if (parsed?.success) {
    try {
      results = (await search(user, parsed.data)).results;
    } catch (error) {
      problem = error instanceof Error ? error.message.replace(/^q: /, "") : "The search failed.";
    }
  }
  const [stories, members] = await Promise.all([teamStories(user), findTeamMembers(user)]);
  const words = searchWords(raw.q ?? "");
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Search</h1>
          <p className="muted">Articles by title and text, annotations by quote and note, in {user.teamName}.</p>
        </div>
      </div>
      <form className="card form search-form" role="search" action="/search" data-testid="search-form">
        <label className="field">
          Words
          <input name="q" type="search" defaultValue={raw.q ?? ""} required maxLength={200} autoComplete="off" />
        </label>
        <div className="details-grid">
          <label className="field">
            Tag (annotations only)
            <select name="tag" defaultValue={raw.tag ?? ""}>
              <option value="">Any</option>
              {TAGS.map((t) => (
                <option key={t} value={t}>
                  {TAG_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Status (annotations only)
            <select name="status" defaultValue={raw.status ?? ""}>
              <option value="">Any</option>
              <option value="pending">Pending</option>
              <option value="accepted">Accepted</option>
              <option value="rejected">Rejected</option>
            </select>
          </label>
          <label className="field">
            Author (annotations only)
            <select name="author" defaultValue={raw.author ?? ""}>
              <option value="">Anyone</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Story
            <select name="storyId" defaultValue={raw.storyId ?? ""}>
              <option value="">Any</option>
              {stories.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Outlet
            <input name="outlet" defaultValue={raw.outlet ?? ""} maxLength={200} autoComplete="off" placeholder="Exactly as on the article" />
          </label>
        </div>
        <div className="row">
          <button type="submit" className="button primary">
            Search
          </button>
        </div>
      </form>
      {problem && (
        <p className="error" role="alert" data-testid="search-problem">
          {problem}
        </p>
      )}
      {results && (
        <section aria-labelledby="results-head" className="stack-tight" data-testid="search-results">
          <h2 id="results-head">{results.length ? plural(results.length, "result") : "Nothing found"}</h2>
          {results.length === 0 && <p className="muted">No article or annotation holds all of these words{Object.keys(raw).length > 1 ? " with these filters" : ""}.</p>}
          <ul className="search-results">
            {results.map((r) => (
              <li key={r.annotationId ?? r.articleId} className="card">
                <span className="muted small-text">{r.annotationId ? "Annotation" : "Article"}</span>{" "}
                <Link href={href(r)} className="title-link">
                  {r.title}
                </Link>
                <p className={r.annotationId ? "search-snippet quote" : "search-snippet"}>
                  <Marked text={r.snippet} words={words} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
