import Link from "next/link";
import type { TAnnotation } from "@/lib/annotations/serialize";
import { TagChip } from "@/components/tag-chip";
import { plural } from "@/lib/ui/format";

/**
 * Tags that teammates disagreed with in review. Reviewers who did not annotate have no column in the passage
 * table, so without this list their verdicts would not show on the page that is about disagreement.
 */
export function DisputedTags({ articleId, disputed }: { articleId: string; disputed: readonly TAnnotation[] }) {
  return (
    <section className="stack-tight" aria-labelledby="disputed-heading" data-testid="disputed-tags">
      <h2 id="disputed-heading">Disputed in review ({disputed.length})</h2>
      <table className="table" aria-labelledby="disputed-heading" tabIndex={0}>
        <thead>
          <tr>
            <th scope="col">Passage</th>
            <th scope="col">Tag</th>
            <th scope="col">Tagged by</th>
            <th scope="col">Reviews</th>
          </tr>
        </thead>
        <tbody>
          {disputed.map((a) => (
            <tr key={a.id}>
              <td>
                <blockquote className="passage">{a.quote}</blockquote>
                <Link href={`/articles/${articleId}#${a.start}`} className="small-text">
                  Open in article
                </Link>
              </td>
              <td>
                <TagChip tag={a.tag} small />
              </td>
              <td>{a.author.name}</td>
              <td>
                <span className={`status status-${a.status}`}>{a.status}</span>
                <div className="small-text muted">
                  {plural(a.agreeCount, "agree", "agree")} · {plural(a.disagreeCount, "disagree", "disagree")}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
