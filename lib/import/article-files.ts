import { htmlTitle, htmlToPlainText } from "./html-text";
import { readCsvRecords } from "@/lib/export/csv-records";
import type { TImportProblem, TSource } from "./problems";
import type { TUploadedFile } from "./read-request";

/** One article found in an upload, before validation: fields as in `POST /api/articles`, plus `story` (a title). */
export type TArticleCandidate = { source: TSource; fields: Record<string, unknown> };

/** Form fields that describe the uploaded text files (the same for each of them). */
const METADATA_FIELDS = ["outlet", "author", "url", "publishedAt", "storyId", "story"] as const;

/** Article CSV columns (case-insensitive) and the field each one fills. */
const CSV_COLUMNS: Record<string, string> = {
  title: "title",
  body: "body",
  outlet: "outlet",
  author: "author",
  url: "url",
  published_at: "publishedAt",
  publishedat: "publishedAt",
  story: "story",
  story_id: "storyId",
  storyid: "storyId",
};

export const ARTICLE_CSV_HEADER = "title,body,outlet,author,url,published_at,story";

type TResult = { candidates: TArticleCandidate[]; problems: TImportProblem[] };

function fileOf(file: TUploadedFile): Pick<TSource, "file"> {
  return file.name === null ? {} : { file: file.name };
}

/** "china-admits_cyber attacks.txt" -> "china admits cyber attacks" */
function titleFromFileName(name: string | null): string | null {
  if (name === null) return null;
  const stem = name.replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ").replace(/\s+/g, " ").trim();
  return stem === "" ? null : stem;
}

/** The first ATX heading (`# Title`) of a Markdown file. */
function markdownTitle(text: string): string | null {
  const match = /^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(text);
  return match?.[1]?.trim() || null;
}

function textCandidate(file: TUploadedFile, metadata: Record<string, string>, title: string | undefined): TArticleCandidate {
  const body = file.format === "html" ? htmlToPlainText(file.text) : file.text;
  const derived =
    (file.format === "html" ? htmlTitle(file.text) : file.format === "markdown" ? markdownTitle(file.text) : null) ??
    titleFromFileName(file.name);
  return { source: fileOf(file), fields: { ...metadata, title: title ?? derived ?? "", body } };
}

function storyField(value: unknown): unknown {
  // GET /api/articles/{id} gives `story: {id, title}`; a title carries over to another team, an id does not.
  if (typeof value === "object" && value !== null && "title" in value) return (value as { title: unknown }).title;
  return value;
}

function jsonCandidates(file: TUploadedFile): TResult {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (error) {
    return { candidates: [], problems: [{ ...fileOf(file), field: "file", message: `is not valid JSON (${(error as Error).message}).` }] };
  }
  const list = Array.isArray(data)
    ? data
    : typeof data === "object" && data !== null && Array.isArray((data as { articles?: unknown }).articles)
      ? (data as { articles: unknown[] }).articles
      : null;
  if (list === null) {
    return {
      candidates: [],
      problems: [{ ...fileOf(file), field: "file", message: 'must be a JSON array of articles, or {"articles": [...]}.' }],
    };
  }
  const candidates: TArticleCandidate[] = [];
  const problems: TImportProblem[] = [];
  list.forEach((entry, index) => {
    const source = { ...fileOf(file), item: index + 1 };
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      problems.push({ ...source, message: "must be an object with title and body." });
      return;
    }
    const fields = { ...(entry as Record<string, unknown>) };
    if ("story" in fields) {
      fields.story = storyField(fields.story);
      // A story named by title wins over an id, which only means something in the team it came from.
      if (fields.story !== null && fields.story !== undefined) delete fields.storyId;
    }
    candidates.push({ source, fields });
  });
  return { candidates, problems };
}

function csvCandidates(file: TUploadedFile): TResult {
  const [header, ...records] = readCsvRecords(file.text);
  if (header === undefined) return { candidates: [], problems: [{ ...fileOf(file), field: "file", message: "is empty." }] };
  const columns = header.fields.map((name) => CSV_COLUMNS[name.trim().toLowerCase()]);
  const problems: TImportProblem[] = [];
  const unknown = header.fields.filter((_, i) => columns[i] === undefined);
  if (unknown.length > 0) {
    problems.push({
      ...fileOf(file),
      line: 1,
      message: `unknown column ${unknown.map((name) => JSON.stringify(name)).join(", ")}. Use: ${ARTICLE_CSV_HEADER}.`,
    });
  }
  for (const required of ["title", "body"]) {
    if (!columns.includes(required)) {
      problems.push({ ...fileOf(file), line: 1, field: required, message: `the header has no ${required} column.` });
    }
  }
  const repeated = columns.filter((column, i) => column !== undefined && columns.indexOf(column) !== i);
  if (repeated.length > 0) problems.push({ ...fileOf(file), line: 1, message: `columns appear twice: ${repeated.join(", ")}.` });
  if (problems.length > 0) return { candidates: [], problems };

  const candidates: TArticleCandidate[] = [];
  for (const record of records) {
    const source = { ...fileOf(file), line: record.line };
    if (record.problems.length > 0) {
      problems.push(...record.problems.map((message) => ({ ...source, message: `malformed CSV: ${message}` })));
      continue;
    }
    if (record.fields.length !== columns.length) {
      problems.push({ ...source, message: `has ${record.fields.length} fields; the header has ${columns.length}.` });
      continue;
    }
    const fields: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      if (column !== undefined) fields[column] = record.fields[i];
    });
    candidates.push({ source, fields });
  }
  return { candidates, problems };
}

/**
 * Every article an upload holds: one per text, Markdown or HTML file (described by the form's metadata fields),
 * and one per entry of a JSON or CSV file of articles.
 */
export function articleCandidates(files: TUploadedFile[], form: Record<string, string>): TResult {
  const candidates: TArticleCandidate[] = [];
  const problems: TImportProblem[] = [];
  if (files.length === 0) {
    return { candidates, problems: [{ field: "file", message: "Choose at least one file to import." }] };
  }
  const metadata = Object.fromEntries(
    METADATA_FIELDS.flatMap((key) => (form[key] !== undefined && form[key] !== "" ? [[key, form[key]]] : [])),
  );
  const textFiles = files.filter((file) => file.format === "text" || file.format === "markdown" || file.format === "html");
  const title = form.title?.trim() ? form.title : undefined;
  if (title !== undefined && textFiles.length > 1) {
    problems.push({
      field: "title",
      message: "A title can only name a single file: leave it empty to name each article after its file.",
    });
  }
  for (const file of files) {
    switch (file.format) {
      case "text":
      case "markdown":
      case "html":
        candidates.push(textCandidate(file, metadata, title));
        break;
      case "json":
      case "csv": {
        const result = file.format === "json" ? jsonCandidates(file) : csvCandidates(file);
        candidates.push(...result.candidates);
        problems.push(...result.problems);
        break;
      }
      default:
        problems.push({
          ...fileOf(file),
          field: "file",
          message: "is not a supported file type: use .txt, .md, .html, or a .json or .csv file of articles.",
        });
    }
  }
  return { candidates, problems };
}
