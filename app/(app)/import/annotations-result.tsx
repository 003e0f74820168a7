import Link from "next/link";
import type { TImportAnnotationsResponse } from "@/app/api/import/annotations/route.types";

const MATCHED_BY: Record<TImportAnnotationsResponse["articles"][number]["matchedBy"], string> = {
  id: "same id",
  bodyHash: "body hash",
  text: "title and text",
  title: "title",
};

/** What an annotation import did (or would do): how many, and how each article of the file was found. */
export function AnnotationsResult({ result }: { result: TImportAnnotationsResponse }) {
  return (
    <div className="import-result" role="status" data-testid="annotations-result">
      <p className="notice">
        {result.dryRun ? "Check passed: " : ""}
        {result.created === 1 ? "1 annotation" : `${result.created} annotations`} {result.dryRun ? "would be imported" : "imported"}
        {result.duplicates.length > 0 && `, ${result.duplicates.length} already in your team (skipped)`}.
      </p>
      {result.articles.length > 0 && (
        <table className="mini-table">
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Matched by</th>
              <th scope="col" className="num">
                New
              </th>
            </tr>
          </thead>
          <tbody>
            {result.articles.map((article) => (
              <tr key={article.ref}>
                <td>
                  <Link href={`/articles/${article.id}`}>{article.title}</Link>
                </td>
                <td>{MATCHED_BY[article.matchedBy]}</td>
                <td className="num">{article.created}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
