import type { Metadata } from "next";
import Link from "next/link";
import { findVersions } from "@/lib/articles/find-versions";
import { textChanges } from "@/lib/articles/text-changes";
import { orNotFound } from "@/lib/page-errors";
import { requireUser } from "@/lib/session";
import { formatTimestamp } from "@/lib/ui/format";

export const metadata: Metadata = { title: "Versions" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ v?: string }> };

/** An article's earlier texts: what each correction changed, removed text struck through and added text marked. */
export default async function VersionsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/articles/${id}/versions`);
  const article = await orNotFound(findVersions(user, id));
  const earlier = article.versions.filter((v) => v.version < article.current);
  const asked = Number((await searchParams).v);
  const shown = earlier.find((v) => v.version === asked) ?? earlier[0];
  const [before, after] = shown ? await Promise.all([article.body(shown.version), article.body(shown.version + 1)]) : [null, null];
  return (
    <div className="stack">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/articles">Articles</Link>
        <Link href={`/articles/${id}`}>{article.title}</Link>
        <span>Versions</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>Versions of the text</h1>
          <p className="muted">
            Now version {article.current}. Annotations follow the current text; those a correction could not place are listed on the
            article.
          </p>
        </div>
      </div>
      {!shown || before === null || after === null ? (
        <div className="empty">
          <h2>No corrections yet</h2>
          <p className="muted">This article still has the text it was added with.</p>
        </div>
      ) : (
        <>
          <nav className="row" aria-label="Corrections">
            {earlier.map((v) => (
              <Link
                key={v.version}
                className={`button small${v.version === shown.version ? " primary" : ""}`}
                aria-current={v.version === shown.version ? "page" : undefined}
                href={`/articles/${id}/versions?v=${v.version}`}
              >
                {v.version} → {v.version + 1}
              </Link>
            ))}
          </nav>
          <section className="card" aria-labelledby="changes-head" data-testid="version-changes">
            <h2 id="changes-head">
              Version {shown.version} → {shown.version + 1}
            </h2>
            <p className="muted small-text">
              Corrected {shown.replacedAt ? formatTimestamp(shown.replacedAt) : ""}
              {shown.replacedBy ? ` by ${shown.replacedBy}` : ""}. <del className="change-removed">Struck through</del>: removed;{" "}
              <ins className="change-added">underlined</ins>: added.
            </p>
            <div className="version-text">
              {textChanges(before, after).map((run, i) =>
                run.kind === "added" ? (
                  <ins key={i} className="change-added">
                    {run.text}
                  </ins>
                ) : run.kind === "removed" ? (
                  <del key={i} className="change-removed">
                    {run.text}
                  </del>
                ) : (
                  <span key={i}>{run.text}</span>
                ),
              )}
            </div>
          </section>
        </>
      )}
    </div>
  );
}
