"use client";

import type { TImportProblem, TSource } from "@/lib/import/problems";

// How an import form talks to the server and shows a refusal: the problems the server listed, and how many more.

/** `problemCount` is how many problems there were in all; the server lists only the first of them. */
export type TFailure = { message: string; field?: string; problems: TImportProblem[]; problemCount: number };
export type TState<T> = { busy: boolean; result: T | null; failure: TFailure | null };

export const idle = <T,>(): TState<T> => ({ busy: false, result: null, failure: null });

/** Sends a request and turns any answer into a result or a failure a person can act on. */
export async function send<T>(url: string, init: RequestInit): Promise<{ result: T } | { failure: TFailure }> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    return { failure: { message: "Could not reach the server. Check your connection and try again.", problems: [], problemCount: 0 } };
  }
  const data = await res.json().catch(() => null);
  if (res.ok) return { result: data as T };
  if (res.status === 401) return { failure: { message: "Your session has ended. Log in again.", problems: [], problemCount: 0 } };
  const error = data?.error ?? {};
  const problems: TImportProblem[] = Array.isArray(error.problems) ? error.problems : [];
  return {
    failure: {
      message: error.message ?? `The server answered ${res.status}.`,
      field: error.field,
      problems,
      problemCount: typeof error.problemCount === "number" ? Math.max(error.problemCount, problems.length) : problems.length,
    },
  };
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
