import { AppError } from "@/lib/errors";
import { formatCount, MAX_REPORTED_PROBLEMS } from "./limits";

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

/**
 * The problems of one import: the first MAX_REPORTED_PROBLEMS are kept to be shown, the rest only counted, so a
 * file with a million bad rows costs no more memory (or answer) than one with a hundred.
 */
export class ProblemList {
  private readonly kept: TImportProblem[] = [];
  private total = 0;

  constructor(problems: readonly TImportProblem[] = []) {
    for (const problem of problems) this.push(problem);
  }

  push(...problems: TImportProblem[]): void {
    for (const problem of problems) {
      this.total++;
      if (this.kept.length < MAX_REPORTED_PROBLEMS) this.kept.push(problem);
    }
  }

  /** Every problem, shown or not. */
  get count(): number {
    return this.total;
  }

  get shown(): readonly TImportProblem[] {
    return this.kept;
  }
}

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

export type TImportRefusal = "IMPORT_REJECTED" | "TOO_LARGE" | "TOO_SLOW";

/**
 * The import was refused as a whole: nothing was written. Carries the first problems found (and how many there
 * were in all), not just the first, so a person can fix the file in one go; the error body lists them. TOO_LARGE
 * when the problem is size, TOO_SLOW when the file took too long to read.
 */
export class ImportRejectedError extends AppError {
  constructor(problems: ProblemList | readonly TImportProblem[], code: TImportRefusal = "IMPORT_REJECTED") {
    const list = problems instanceof ProblemList ? problems : new ProblemList(problems);
    const shown = list.shown.slice(0, SHOWN_IN_MESSAGE).map(describeProblem).join("; ");
    const rest = list.count - Math.min(list.count, SHOWN_IN_MESSAGE);
    const more = rest > 0 ? `; and ${formatCount(rest)} more` : "";
    const count = list.count === 1 ? "1 problem" : `${formatCount(list.count)} problems`;
    super(
      code,
      `Nothing was imported (${count}): ${shown}${more}.`,
      list.count === 1 && list.shown[0]?.field === "file" ? "file" : undefined,
      { problems: list.shown, problemCount: list.count },
    );
    this.name = "ImportRejectedError";
  }
}

/** A refusal with one problem about the file as a whole. */
export function fileProblem(message: string, code: TImportRefusal, file?: string | null): ImportRejectedError {
  return new ImportRejectedError([{ ...(file ? { file } : {}), field: "file", message }], code);
}

/** Throws when there is any problem; TOO_LARGE when one of them is about size. */
export function rejectIfAny(problems: ProblemList, tooLarge = false): void {
  if (problems.count > 0) throw new ImportRejectedError(problems, tooLarge ? "TOO_LARGE" : "IMPORT_REJECTED");
}
