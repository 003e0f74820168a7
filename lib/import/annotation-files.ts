import type { TTag } from "@/lib/annotations/tags";
import { csvRecords } from "@/lib/export/csv-records";
import { articleIdFromIri, readAnnotationCollection } from "@/lib/export/jsonld";
import { parseAnnotationCsv } from "@/lib/export/parse-csv";
import { ImportBudget } from "./budget";
import { readJsonFile } from "./json-file";
import { formatCount, MAX_ANNOTATIONS_PER_IMPORT } from "./limits";
import { fileProblem, ImportRejectedError, ProblemList, type TSource } from "./problems";
import type { TUploadedFile } from "./read-request";

/** How a file refers to an article: our id, a body hash, and (CSV) the title it had. */
export type TArticleRef = {
  /** Groups the annotations of one article: the CSV's article_id or the JSON-LD target source. */
  key: string;
  id: string | null;
  title: string | null;
};

/**
 * One annotation read from a file, checked for shape but not yet against the team's articles and users. A file's
 * status, review counts and dates are not read: an import creates pending annotations, and reviews decide the rest.
 */
export type TAnnotationCandidate = {
  source: TSource;
  article: TArticleRef;
  start: number;
  end: number;
  quote: string;
  /** The context the file gives (JSON-LD), to tell articles apart; null when it has none. */
  prefix: string | null;
  suffix: string | null;
  tag: TTag;
  note: string;
  /** Whose annotation the file says it is; null when it names no one (the person importing). */
  annotatorEmail: string | null;
  /** When the file says the annotation was made: kept on record in the audit trail, not as the annotation's date. */
  sourceCreatedAt: string | null;
};

export type TAnnotationFileFormat = "csv" | "jsonld";

type TResult = { format: TAnnotationFileFormat | null; candidates: TAnnotationCandidate[]; problems: ProblemList };

function fileOf(file: TUploadedFile): Pick<TSource, "file"> {
  return file.name === null ? {} : { file: file.name };
}

function tooMany(file: TUploadedFile): ImportRejectedError {
  return fileProblem(
    `holds more than ${formatCount(MAX_ANNOTATIONS_PER_IMPORT)} annotations; import at most ${formatCount(MAX_ANNOTATIONS_PER_IMPORT)} at a time (export per story or article).`,
    "TOO_LARGE",
    file.name,
  );
}

async function fromCsv(file: TUploadedFile, budget: ImportBudget): Promise<TResult> {
  const result: TResult = { format: "csv", candidates: [], problems: new ProblemList() };
  // Counted before any row is checked: a file with too many rows is refused at once, whatever else is wrong.
  let count = 0;
  for (const _ of csvRecords(file.text)) {
    if (++count > MAX_ANNOTATIONS_PER_IMPORT + 1) throw tooMany(file);
    await budget.pace();
  }
  const parsed = parseAnnotationCsv(file.text);
  if (!parsed.ok) {
    result.problems.push({ ...fileOf(file), line: 1, message: parsed.error.message });
    return result;
  }
  for (const record of parsed.records) {
    await budget.pace();
    const source = { ...fileOf(file), line: record.line };
    if (!record.ok) {
      result.problems.push(...record.errors.map((e) => ({ ...source, ...(e.column ? { field: e.column } : {}), message: e.message })));
      continue;
    }
    const row = record.row;
    result.candidates.push({
      source,
      article: { key: row.articleId, id: row.articleId, title: row.articleTitle },
      start: row.start,
      end: row.end,
      quote: row.quote,
      prefix: null,
      suffix: null,
      tag: row.tag,
      note: row.note,
      annotatorEmail: row.annotatorEmail === "" ? null : row.annotatorEmail,
      sourceCreatedAt: row.createdAt,
    });
  }
  return result;
}

/** "first.items[3].target.selector[1]" -> 4 (the 1-based item) */
function itemOfPath(path: string): number | undefined {
  const match = /^first\.items\[(\d+)\]/.exec(path);
  return match?.[1] === undefined ? undefined : Number(match[1]) + 1;
}

async function fromJsonLd(file: TUploadedFile, budget: ImportBudget): Promise<TResult> {
  const result: TResult = { format: "jsonld", candidates: [], problems: new ProblemList() };
  const json = readJsonFile(file.text);
  if (!json.ok) {
    if (json.tooLarge) throw fileProblem(json.message, "TOO_LARGE", file.name);
    result.problems.push({ ...fileOf(file), field: "file", message: json.message });
    return result;
  }
  const read = readAnnotationCollection(json.value);
  const report = (issues: readonly { path: string; message: string }[]) => {
    for (const issue of issues) {
      const item = itemOfPath(issue.path);
      result.problems.push({ ...fileOf(file), ...(item === undefined ? {} : { item }), path: issue.path, message: issue.message });
    }
  };
  if (!read.ok) {
    report(read.issues);
    return result;
  }
  if (read.count > MAX_ANNOTATIONS_PER_IMPORT) throw tooMany(file);
  for (const item of read.items) {
    await budget.pace();
    if (!item.ok) {
      report(item.issues);
      continue;
    }
    const a = item.annotation;
    result.candidates.push({
      source: { ...fileOf(file), item: item.index + 1 },
      article: { key: a.articleRef, id: articleIdFromIri(a.articleRef), title: null },
      start: a.start,
      end: a.end,
      quote: a.exact,
      prefix: a.prefix,
      suffix: a.suffix,
      tag: a.tag,
      note: a.note,
      annotatorEmail: a.creatorEmail,
      sourceCreatedAt: a.created?.toISOString() ?? null,
    });
  }
  return result;
}

/**
 * Our own raw CSV export, or a W3C AnnotationCollection (JSON-LD); the format is told by the file's content.
 * Refuses (413) a file of more than MAX_ANNOTATIONS_PER_IMPORT annotations before checking any of them.
 */
export async function annotationCandidates(files: TUploadedFile[], budget = new ImportBudget()): Promise<TResult> {
  if (files.length !== 1) {
    const message = files.length === 0 ? "Choose a file to import." : "Import one file at a time.";
    return { format: null, candidates: [], problems: new ProblemList([{ field: "file", message }]) };
  }
  const file = files[0]!;
  const start = file.text.trimStart();
  if (start.startsWith("{") || start.startsWith("[")) return fromJsonLd(file, budget);
  if (file.format === "json" && start === "") return fromJsonLd(file, budget);
  return fromCsv(file, budget);
}
