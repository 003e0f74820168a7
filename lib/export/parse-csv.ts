import { z } from "zod";
import { csvRecords } from "./csv-records";
import { STATUSES, TAGS } from "@/lib/annotations/tags";
import { CSV_COLUMNS, type TCsvColumn, type TExportRow } from "./columns";
import { BOM } from "./csv";

export type TCsvRowError = {
  /** The column at fault, or null when the record as a whole is malformed. */
  column: TCsvColumn | null;
  message: string;
};

type TRecordResult = { ok: true; row: TExportRow } | { ok: false; errors: TCsvRowError[] };

/** One record of the file; `line` is where it starts (the header is line 1), even after multi-line fields. */
export type TCsvRecord = TRecordResult & { line: number };

export type TCsvFileError = {
  code: "EMPTY_FILE" | "BAD_HEADER";
  message: string;
  missing: TCsvColumn[];
  unexpected: string[];
};

/** The records are read lazily, one per step: the caller decides how many it takes and when. */
export type TParsedCsv = { ok: true; records: Generator<TCsvRecord> } | { ok: false; error: TCsvFileError };

// `abort` stops at the first failure: otherwise zod still runs the transform and the row-level checks below
// would compare garbage such as NaN.
const wholeNumber = z
  .string()
  .regex(/^\d+$/, { error: "must be a whole number", abort: true })
  .transform(Number)
  .refine(Number.isSafeInteger, { error: "is too large", abort: true });

const timestamp = z.iso
  .datetime({ offset: true, error: "must be an ISO 8601 date-time" })
  .transform((value) => new Date(value));

const required = z.string().min(1, "must not be empty");

const rowSchema = z
  .object({
    annotation_id: required,
    article_id: required,
    article_title: z.string(),
    outlet: z.string(),
    // Only shaped like an address: the import matches it against existing users, which is the real check. Empty
    // means the person importing.
    annotator_email: z.string().regex(/^(?:[^\s@]+@[^\s@]+)?$/, "must be an email address, or empty"),
    annotator_name: z.string(),
    tag: z.enum(TAGS, { error: `must be one of ${TAGS.join(", ")}` }),
    start: wholeNumber,
    end: wholeNumber,
    quote: required,
    note: z.string(),
    status: z.enum(STATUSES, { error: `must be one of ${STATUSES.join(", ")}` }),
    agree_count: wholeNumber,
    disagree_count: wholeNumber,
    created_at: timestamp,
    updated_at: timestamp,
  } satisfies Record<TCsvColumn, z.ZodType>)
  .superRefine((row, ctx) => {
    if (row.start >= row.end) {
      ctx.addIssue({ code: "custom", path: ["end"], message: "must be greater than start" });
      return;
    }
    const length = Array.from(row.quote).length;
    const span = row.end - row.start;
    if (length === span) return;
    // A spreadsheet-safe export prefixed "'" to the quote; its length then gives it away.
    const hint =
      row.quote.startsWith("'") && length === span + 1
        ? " (this looks like a spreadsheet-safe export: export again with raw=1)"
        : "";
    ctx.addIssue({
      code: "custom",
      path: ["quote"],
      message: `is ${length} code points long but end - start is ${span}${hint}`,
    });
  })
  .transform(
    (row): TExportRow => ({
      annotationId: row.annotation_id,
      articleId: row.article_id,
      articleTitle: row.article_title,
      // The export writes a missing outlet as an empty cell, so the two cannot be told apart.
      outlet: row.outlet === "" ? null : row.outlet,
      annotatorEmail: row.annotator_email,
      annotatorName: row.annotator_name,
      tag: row.tag,
      start: row.start,
      end: row.end,
      quote: row.quote,
      note: row.note,
      status: row.status,
      agreeCount: row.agree_count,
      disagreeCount: row.disagree_count,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    }),
  );

function isColumn(key: unknown): key is TCsvColumn {
  return typeof key === "string" && (CSV_COLUMNS as readonly string[]).includes(key);
}

/** The header must be CSV_COLUMNS exactly; otherwise say which columns are missing, unexpected or out of place. */
export function checkHeader(header: readonly string[]): TCsvFileError | null {
  if (header.length === CSV_COLUMNS.length && header.every((name, i) => name === CSV_COLUMNS[i])) return null;
  const missing = CSV_COLUMNS.filter((column) => !header.includes(column));
  const unexpected = header.filter((name, i) => !isColumn(name) || header.indexOf(name) !== i);
  const problems = [
    missing.length > 0 ? `missing ${missing.join(", ")}` : "",
    unexpected.length > 0 ? `unexpected ${unexpected.map((name) => JSON.stringify(name)).join(", ")}` : "",
  ].filter((problem) => problem !== "");
  const detail = problems.length > 0 ? problems.join("; ") : "the columns are in a different order";
  return {
    code: "BAD_HEADER",
    message: `The header row does not match the annotation export (${detail}). Expected: ${CSV_COLUMNS.join(",")}`,
    missing,
    unexpected,
  };
}

function validateRecord(fields: readonly string[]): TRecordResult {
  if (fields.length !== CSV_COLUMNS.length) {
    return {
      ok: false,
      errors: [{ column: null, message: `has ${fields.length} fields; expected ${CSV_COLUMNS.length}` }],
    };
  }
  const result = rowSchema.safeParse(Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, fields[i]])));
  if (result.success) return { ok: true, row: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => {
      const column = issue.path[0];
      return { column: isColumn(column) ? column : null, message: issue.message };
    }),
  };
}

function* validated(records: Generator<{ line: number; fields: string[]; problems: string[] }>): Generator<TCsvRecord> {
  for (const { line, fields, problems } of records) {
    const record = validateRecord(fields);
    if (problems.length === 0) {
      yield { line, ...record };
      continue;
    }
    // A quoting error shifts every later field, so field-level errors are only a guess; list them after it.
    const malformed = problems.map((problem) => ({ column: null, message: `malformed CSV: ${problem}` }));
    yield { line, ok: false, errors: [...malformed, ...(record.ok ? [] : record.errors)] };
  }
}

/**
 * Reads a CSV file made by the raw export (`raw=1`) for import: an optional BOM, the exact header, then one
 * record per annotation, each validated on its own so one bad row does not hide the others.
 */
export function parseAnnotationCsv(input: string): TParsedCsv {
  const text = input.startsWith(BOM) ? input.slice(BOM.length) : input;
  const records = csvRecords(text);
  const header = records.next();
  if (header.done) {
    return {
      ok: false,
      error: { code: "EMPTY_FILE", message: "The file is empty.", missing: [...CSV_COLUMNS], unexpected: [] },
    };
  }
  const headerError = checkHeader(header.value.fields);
  if (headerError !== null) return { ok: false, error: headerError };
  return { ok: true, records: validated(records) };
}
