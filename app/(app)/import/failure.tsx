"use client";

import { ApiError } from "@/lib/api-client";
import type { TImportProblem, TSource } from "@/lib/import/problems";

// How an import form shows a refusal: the problems the server listed, and how many more.

/** `problemCount` is how many problems there were in all; the server lists only the first of them. */
export type TFailure = { message: string; field?: string; problems: readonly TImportProblem[]; problemCount: number };

/** Any error of a call as a failure a person can act on. */
export function failureOf(error: unknown): TFailure {
  if (error instanceof ApiError) {
    return { message: error.message, field: error.field, problems: error.problems, problemCount: error.problemCount };
  }
  return { message: "Something went wrong in the page. Reload it and try again.", problems: [], problemCount: 0 };
}

export function where(source: TSource & { path?: string }): string {
  const at = source.line !== undefined ? `line ${source.line}` : source.item !== undefined ? `item ${source.item}` : "";
  return [source.file, at].filter(Boolean).join(", ") || "—";
}

export function Failure({ failure, testId }: { failure: TFailure; testId: string }) {
  const hidden = failure.problemCount - failure.problems.length;
  return (
    <div className="import-result" role="alert" data-testid={testId}>
      <p className="error">{failure.problems.length > 0 ? "Nothing was imported. Fix these problems and try again:" : failure.message}</p>
      {failure.problems.length > 0 && (
        <table className="mini-table problems">
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Field</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {failure.problems.map((problem, i) => (
              <tr key={i}>
                <td>{where(problem)}</td>
                <td>{problem.field ?? problem.path ?? ""}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hidden > 0 && (
        <p className="muted small-text" data-testid={`${testId}-more`}>
          and {hidden.toLocaleString("en-US")} more {hidden === 1 ? "problem" : "problems"}.
        </p>
      )}
    </div>
  );
}
