import Link from "next/link";
import type { TImportArticlesResponse } from "@/app/api/import/articles/route.types";
import { where } from "./failure";

/** What an article upload did (or, checked without importing, would do): each new article and each duplicate. */
export function ArticlesResult({ result }: { result: TImportArticlesResponse }) {
  return (
    <div className="import-result" role="status" data-testid="upload-result">
      <p className="notice">
        {result.dryRun ? "Check passed: " : ""}
        {result.created.length === 1 ? "1 article" : `${result.created.length} articles`}{" "}
        {result.dryRun ? "would be added" : "added"}
        {result.duplicates.length > 0 && `, ${result.duplicates.length} already in your team (not added again)`}
        {result.storiesCreated.length > 0 &&
          `; new ${result.storiesCreated.length === 1 ? "story" : "stories"}: ${result.storiesCreated.join(", ")}`}
        .
      </p>
      <ul className="import-list">
        {result.created.map((article, i) => (
          <li key={`c${i}`}>
            {article.id ? <Link href={`/articles/${article.id}`}>{article.title}</Link> : <strong>{article.title}</strong>}{" "}
            <span className="muted small-text">
              {article.bodyLength.toLocaleString("en-US")} characters · {where(article.source)}
            </span>
          </li>
        ))}
        {result.duplicates.map((duplicate, i) => (
          <li key={`d${i}`} className="duplicate">
            <span className="muted">Duplicate:</span> {duplicate.title}{" "}
            <span className="muted small-text">({where(duplicate.source)})</span> is the same text as{" "}
            {duplicate.existing ? (
              <Link href={`/articles/${duplicate.existing.id}`}>{duplicate.existing.title}</Link>
            ) : (
              <>
                {duplicate.earlierInImport?.title} ({where(duplicate.earlierInImport ?? {})})
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
