import { ApiError } from "@/lib/api/errors";

/** One reason an import was refused, pointing at the place in the file a person can find. */
export type TImportProblem = {
  /** The uploaded file's name, when the request had files. */
  file?: string;
  /** 1-based line of a CSV record (the header is line 1). */
  line?: number;
  /** 1-based position of an item in a JSON array or AnnotationCollection page. */
  item?: number;
  /** A JSON path inside the document, e.g. `first.items[3].target`. */
  path?: string;
  /** The column or property at fault. */
  field?: string;
  message: string;
};

export type TSource = Pick<TImportProblem, "file" | "line" | "item">;

/** "photos.csv, line 4" / "item 2" / "" */
export function describeSource(source: TSource): string {
  const at = source.line !== undefined ? `line ${source.line}` : source.item !== undefined ? `item ${source.item}` : "";
  return [source.file, at].filter((part) => part !== undefined && part !== "").join(", ");
}

function describeProblem(problem: TImportProblem): string {
  const where = describeSource(problem);
  const message = problem.message.replace(/\.$/, "");
  const what = problem.field ? `${problem.field}: ${message}` : message;
  return where ? `${where}: ${what}` : what;
}

const SHOWN_IN_MESSAGE = 3;

/**
 * The import was refused as a whole: nothing was written. Carries every problem found, not just the first, so a
 * person can fix the file in one go. `status` 413 when the problem is size.
 */
export class ImportRejectedError extends ApiError {
  constructor(
    readonly problems: TImportProblem[],
    options: { status?: 400 | 413; code?: string } = {},
  ) {
    const shown = problems.slice(0, SHOWN_IN_MESSAGE).map(describeProblem).join("; ");
    const more = problems.length > SHOWN_IN_MESSAGE ? `; and ${problems.length - SHOWN_IN_MESSAGE} more` : "";
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    const status = options.status ?? 400;
    super(
      status,
      options.code ?? (status === 413 ? "TOO_LARGE" : "IMPORT_REJECTED"),
      `Nothing was imported (${count}): ${shown}${more}.`,
      problems.length === 1 && problems[0]?.field === "file" ? "file" : undefined,
    );
    this.name = "ImportRejectedError";
  }
}

/** The contract's error body, plus the full list of problems. */
export function importErrorBody(error: ImportRejectedError) {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      problems: error.problems,
    },
  };
}

/** Throws when there is any problem; 413 when one of them is about size. */
export function rejectIfAny(problems: TImportProblem[], tooLarge = false): void {
  if (problems.length > 0) throw new ImportRejectedError(problems, { status: tooLarge ? 413 : 400 });
}

/** Runs an import step; a refused import answers with its problems listed (importErrorBody). */
export async function withImportErrors(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ImportRejectedError) {
      return Response.json(importErrorBody(error), { status: error.status });
    }
    throw error;
  }
}
