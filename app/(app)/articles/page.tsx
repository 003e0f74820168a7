import type { Metadata } from "next";
import Link from "next/link";
import { findArticles } from "@/lib/articles/find-articles";
import { requireUser } from "@/lib/session";
import { formatPublished, formatScore } from "@/lib/ui/format";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage() {
  const user = await requireUser("/articles");
  const articles = await findArticles(user);
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Articles</h1>
          <p className="muted">
            {articles.length} {articles.length === 1 ? "article" : "articles"} in {user.teamName}
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
              <th scope="col">Published</th>
              <th scope="col" className="num">
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
                <td className="nowrap">{formatPublished(a.publishedAt)}</td>
                <td className="num">{a.annotationCount}</td>
                <td className="num" title={a.score === null ? "Not yet annotated" : undefined}>
                  {a.score === null ? <span className="muted">not yet annotated</span> : formatScore(a.score)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
