import { csvRecords } from "@/lib/export/csv-records";
import { ImportBudget } from "./budget";
import { HtmlWorkerError, htmlToText } from "./html-text";
import { readJsonFile } from "./json-file";
import { formatBytes, formatCount, MAX_ARTICLES_PER_IMPORT, MAX_HTML_BYTES, MAX_HTML_DEPTH } from "./limits";
import { fileProblem, ImportRejectedError, ProblemList, type TSource } from "./problems";
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

type TResult = { candidates: TArticleCandidate[]; problems: ProblemList };

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
  const derived = (file.format === "markdown" ? markdownTitle(file.text) : null) ?? titleFromFileName(file.name);
  return { source: fileOf(file), fields: { ...metadata, title: title ?? derived ?? "", body: file.text } };
}

/** The HTML files, converted to text off the event loop; a file too large, too deep or too slow is refused. */
async function htmlCandidates(
  files: TUploadedFile[],
  metadata: Record<string, string>,
  title: string | undefined,
  problems: ProblemList,
): Promise<Map<TUploadedFile, TArticleCandidate>> {
  const candidates = new Map<TUploadedFile, TArticleCandidate>();
  for (const file of files) {
    if (Buffer.byteLength(file.text) > MAX_HTML_BYTES) {
      throw fileProblem(`is larger than ${formatBytes(MAX_HTML_BYTES)}, the most an HTML file may be.`, "TOO_LARGE", file.name);
    }
  }
  let converted: Awaited<ReturnType<typeof htmlToText>>;
  try {
    converted = await htmlToText(files.map((file) => file.text));
  } catch (error) {
    if (!(error instanceof HtmlWorkerError)) throw error;
    const [code, message] =
      error.reason === "timeout"
        ? (["TOO_SLOW", "took too long to convert to text. Import fewer or smaller HTML files at a time."] as const)
        : (["TOO_LARGE", "needs too much memory to convert to text. Import fewer or smaller HTML files at a time."] as const);
    throw fileProblem(message, code, files.length === 1 ? files[0]!.name : null);
  }
  files.forEach((file, i) => {
    const result = converted[i];
    if (result === undefined || "problem" in result) {
      problems.push({
        ...fileOf(file),
        field: "file",
        message: `nests elements more than ${MAX_HTML_DEPTH} deep, which no article needs. Save the page's text instead.`,
      });
      return;
    }
    const derived = result.title ?? titleFromFileName(file.name);
    candidates.set(file, { source: fileOf(file), fields: { ...metadata, title: title ?? derived ?? "", body: result.text } });
  });
  return candidates;
}

function tooManyArticles(file: TUploadedFile): ImportRejectedError {
  return fileProblem(
    `holds more than ${formatCount(MAX_ARTICLES_PER_IMPORT)} articles (with the other files of this upload); import at most ${formatCount(MAX_ARTICLES_PER_IMPORT)} at a time.`,
    "TOO_LARGE",
    file.name,
  );
}

function storyField(value: unknown): unknown {
  // GET /api/articles/{id} gives `story: {id, title}`; a title carries over to another team, an id does not.
  if (typeof value === "object" && value !== null && "title" in value) return (value as { title: unknown }).title;
  return value;
}

async function jsonCandidates(file: TUploadedFile, into: TResult, budget: ImportBudget): Promise<void> {
  const read = readJsonFile(file.text);
  if (!read.ok) {
    if (read.tooLarge) throw fileProblem(read.message, "TOO_LARGE", file.name);
    into.problems.push({ ...fileOf(file), field: "file", message: read.message });
    return;
  }
  const data = read.value;
  const list = Array.isArray(data)
    ? data
    : typeof data === "object" && data !== null && Array.isArray((data as { articles?: unknown }).articles)
      ? (data as { articles: unknown[] }).articles
      : null;
  if (list === null) {
    into.problems.push({ ...fileOf(file), field: "file", message: 'must be a JSON array of articles, or {"articles": [...]}.' });
    return;
  }
  if (into.candidates.length + list.length > MAX_ARTICLES_PER_IMPORT) throw tooManyArticles(file);
  for (const [index, entry] of list.entries()) {
    await budget.pace();
    const source = { ...fileOf(file), item: index + 1 };
    if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
      into.problems.push({ ...source, message: "must be an object with title and body." });
      continue;
    }
    const fields = { ...(entry as Record<string, unknown>) };
    if ("story" in fields) {
      fields.story = storyField(fields.story);
      // A story named by title wins over an id, which only means something in the team it came from.
      if (fields.story !== null && fields.story !== undefined) delete fields.storyId;
    }
    into.candidates.push({ source, fields });
  }
}

async function csvCandidates(file: TUploadedFile, into: TResult, budget: ImportBudget): Promise<void> {
  // Counted before anything is checked: a file with too many rows is refused at once, whatever else is wrong.
  let count = 0;
  for (const _ of csvRecords(file.text)) {
    if (++count > MAX_ARTICLES_PER_IMPORT + 1 - into.candidates.length) throw tooManyArticles(file);
    await budget.pace();
  }
  const records = csvRecords(file.text);
  const header = records.next();
  if (header.done) {
    into.problems.push({ ...fileOf(file), field: "file", message: "is empty." });
    return;
  }
  const columns = header.value.fields.map((name) => CSV_COLUMNS[name.trim().toLowerCase()]);
  const problems = new ProblemList();
  const unknown = header.value.fields.filter((_, i) => columns[i] === undefined);
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
  if (problems.count > 0) {
    into.problems.push(...problems.shown);
    return;
  }

  for (const record of records) {
    await budget.pace();
    const source = { ...fileOf(file), line: record.line };
    if (record.problems.length > 0) {
      into.problems.push(...record.problems.map((message) => ({ ...source, message: `malformed CSV: ${message}` })));
      continue;
    }
    if (record.fields.length !== columns.length) {
      into.problems.push({ ...source, message: `has ${record.fields.length} fields; the header has ${columns.length}.` });
      continue;
    }
    const fields: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      if (column !== undefined) fields[column] = record.fields[i];
    });
    into.candidates.push({ source, fields });
  }
}

/**
 * Every article an upload holds: one per text, Markdown or HTML file (described by the form's metadata fields),
 * and one per entry of a JSON or CSV file of articles. Refuses (413) an upload of more than MAX_ARTICLES_PER_IMPORT
 * articles as soon as it is counted.
 */
export async function articleCandidates(
  files: TUploadedFile[],
  form: Record<string, string>,
  budget = new ImportBudget(),
): Promise<TResult> {
  const result: TResult = { candidates: [], problems: new ProblemList() };
  if (files.length === 0) {
    result.problems.push({ field: "file", message: "Choose at least one file to import." });
    return result;
  }
  const metadata = Object.fromEntries(
    METADATA_FIELDS.flatMap((key) => (form[key] !== undefined && form[key] !== "" ? [[key, form[key]]] : [])),
  );
  const textFiles = files.filter((file) => file.format === "text" || file.format === "markdown" || file.format === "html");
  const title = form.title?.trim() ? form.title : undefined;
  if (title !== undefined && textFiles.length > 1) {
    result.problems.push({
      field: "title",
      message: "A title can only name a single file: leave it empty to name each article after its file.",
    });
  }
  if (textFiles.length > MAX_ARTICLES_PER_IMPORT) throw tooManyArticles(textFiles[MAX_ARTICLES_PER_IMPORT]!);
  const html = await htmlCandidates(
    files.filter((file) => file.format === "html"),
    metadata,
    title,
    result.problems,
  );
  for (const file of files) {
    budget.checkDeadline();
    switch (file.format) {
      case "text":
      case "markdown":
        result.candidates.push(textCandidate(file, metadata, title));
        break;
      case "html": {
        const candidate = html.get(file);
        if (candidate) result.candidates.push(candidate);
        break;
      }
      case "json":
        await jsonCandidates(file, result, budget);
        break;
      case "csv":
        await csvCandidates(file, result, budget);
        break;
      default:
        result.problems.push({
          ...fileOf(file),
          field: "file",
          message: "is not a supported file type: use .txt, .md, .html, or a .json or .csv file of articles.",
        });
    }
    if (result.candidates.length > MAX_ARTICLES_PER_IMPORT) throw tooManyArticles(file);
  }
  return result;
}
