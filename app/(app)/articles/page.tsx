import type { Metadata } from "next";
import Link from "next/link";
import { findArticlePage, ZArticleListQuery } from "@/lib/articles/find-articles";
import { requireUser } from "@/lib/session";
import { formatPublished, formatScore } from "@/lib/ui/format";

export const metadata: Metadata = { title: "Articles" };

const PAGE_SIZE = 50;

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const user = await requireUser("/articles");
  const { cursor } = await searchParams;
  const query = ZArticleListQuery.safeParse({ limit: PAGE_SIZE, cursor });
  const { articles, nextCursor, total } = await findArticlePage(user, query.success ? query.data : { limit: PAGE_SIZE });
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Articles</h1>
          <p className="muted">
            {total} {total === 1 ? "article" : "articles"} in {user.teamName}
          </p>
        </div>
      </div>
      {articles.length === 0 ? (
        <div className="empty">
          <h2>No articles yet</h2>
          <p className="muted">Articles your team adds appear here. Admins and reviewers can add them through the API.</p>
        </div>
      ) : (
        <table className="table" data-testid="article-list">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Outlet</th>
              <th scope="col" className="hide-narrow">Published</th>
              <th scope="col" className="num hide-narrow">
                Annotations
              </th>
              <th scope="col" className="num">
                Score
              </th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/articles/${a.id}`} className="title-link">
                    {a.title}
                  </Link>
                </td>
                <td>{a.outlet ?? <span className="muted">Unknown</span>}</td>
                <td className="nowrap hide-narrow">{formatPublished(a.publishedAt)}</td>
                <td className="num hide-narrow">{a.annotationCount}</td>
                <td className="num" title={a.score === null ? "Not yet annotated" : undefined}>
                  {a.score === null ? <span className="muted">not yet annotated</span> : formatScore(a.score)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(cursor || nextCursor) && (
        <nav className="pager" aria-label="Pages">
          {cursor && <Link href="/articles">← First page</Link>}
          {nextCursor && <Link href={`/articles?cursor=${nextCursor}`}>Next {PAGE_SIZE} →</Link>}
        </nav>
      )}
    </div>
  );
}
