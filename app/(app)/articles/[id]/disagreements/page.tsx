import type { Metadata } from "next";
import Link from "next/link";
import { findArticleAgreement } from "@/lib/agreement/find-article-agreement";
import { CodePointIndex } from "@/lib/anchoring/code-points";
import { findAnnotations } from "@/lib/annotations/find-annotations";
import { getArticle } from "@/lib/articles/find-articles";
import { findPassages } from "@/lib/reviews/disagreements";
import { orNotFound } from "@/lib/page-errors";
import { requireUser } from "@/lib/session";
import { TagChip } from "@/components/tag-chip";
import { alphaMeaning } from "@/components/score/alpha-meaning";
import { plural } from "@/lib/ui/format";
import { DisputedTags } from "./disputed-tags";

export const metadata: Metadata = { title: "Disagreements" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ all?: string }> };

const KIND_LABEL = {
  "different-tags": "Different tags",
  "not-tagged-by-all": "Not tagged by everyone",
  agreed: "Agreed",
} as const;

export default async function DisagreementsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const showAll = (await searchParams).all === "1";
  const user = await requireUser(`/articles/${id}/disagreements`);
  const [article, annotations, agreement] = await orNotFound(
    Promise.all([getArticle(user, id), findAnnotations(user, id), findArticleAgreement(user, id)]),
  );
  const names = new Map(annotations.map((a) => [a.author.id, a.author.name]));
  const index = new CodePointIndex(article.body);
  const passages = findPassages(annotations.map((a) => ({ ...a, authorId: a.author.id })));
  const shown = showAll ? passages : passages.filter((p) => p.kind !== "agreed");
  const annotators = passages[0]?.byAnnotator.map((b) => b.authorId) ?? [];
  const disputed = annotations.filter((a) => a.disagreeCount > 0);
  const differing = passages.filter((p) => p.kind !== "agreed").length;

  return (
    <div className="stack">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link href="/articles">Articles</Link>
        <Link href={`/articles/${id}`}>{article.title}</Link>
        <span>Disagreements</span>
      </nav>
      <div className="page-head">
        <div>
          <h1>Where annotators differ</h1>
          <p className="muted">
            {plural(passages.length, "tagged passage")} · {differing} with differences · {plural(disputed.length, "tag")} disputed in review · α ={" "}
            {agreement.alpha === null ? "n/a" : agreement.alpha.toFixed(3)} over {plural(agreement.units, "word")} and{" "}
            {plural(agreement.annotators, "annotator")}.{" "}
            {alphaMeaning(agreement.alpha, agreement.annotators)}
          </p>
        </div>
        <Link className="button small" href={showAll ? `/articles/${id}/disagreements` : `/articles/${id}/disagreements?all=1`}>
          {showAll ? "Only differences" : "Show agreed passages too"}
        </Link>
      </div>
      {agreement.pairwise.length > 0 && (
        <table className="table compact" aria-label="Pairwise span F1" tabIndex={0}>
          <thead>
            <tr>
              <th scope="col">Annotators</th>
              <th scope="col" className="num">Span F1</th>
            </tr>
          </thead>
          <tbody>
            {agreement.pairwise.map((p) => (
              <tr key={`${p.a}-${p.b}`}>
                <td>
                  {names.get(p.a) ?? p.a} ↔ {names.get(p.b) ?? p.b}
                </td>
                <td className="num">{p.f1.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length === 0 ? (
        <div className="empty">
          <h2>{passages.length === 0 ? "Nothing tagged yet" : "No differences in tagging"}</h2>
          <p className="muted" data-testid="disagreements-summary">
            {emptyMessage(passages.length, annotators.map((a) => names.get(a) ?? a), disputed.length)}
          </p>
        </div>
      ) : (
        <table className="table disagreements" data-testid="disagreements" aria-label="Disagreements" tabIndex={0}>
          <thead>
            <tr>
              <th scope="col">Passage</th>
              {annotators.map((a) => (
                <th key={a} scope="col">
                  {names.get(a) ?? a}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={`${p.start}-${p.end}`} className={`kind-${p.kind}`}>
                <td>
                  <span className={`kind-badge kind-${p.kind}`}>{KIND_LABEL[p.kind]}</span>
                  <blockquote className="passage">{index.slice(p.start, p.end)}</blockquote>
                  <Link href={`/articles/${id}#${p.start}`} className="small-text">
                    Open in article
                  </Link>
                </td>
                {p.byAnnotator.map((b) => (
                  <td key={b.authorId}>
                    {b.tags.length === 0 ? (
                      <span className="muted">not tagged</span>
                    ) : (
                      <span className="chip-stack">
                        {b.tags.map((t) => (
                          <TagChip key={t} tag={t} small />
                        ))}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {disputed.length > 0 && <DisputedTags articleId={id} disputed={disputed} />}
    </div>
  );
}

/** Why the passage table is empty, without claiming agreement that reviews contradict. */
function emptyMessage(passages: number, annotators: readonly string[], disputed: number): string {
  if (passages === 0) return "Once two people annotate this article, their differences show here.";
  const compared =
    annotators.length === 1
      ? `Only ${annotators[0]} has tagged this article, so there are no two annotators' tags to compare yet.`
      : "Everyone who tagged this article tagged the same passages the same way.";
  return disputed === 0 ? compared : `${compared} Teammates disputed ${plural(disputed, "tag")} in review: see below.`;
}
