import { STATUSES, type TStatus, type TTag } from "@/lib/annotations/tags";
import { articleIdFromIri, fromAnnotationCollection, JsonLdImportError } from "@/lib/export/jsonld";
import { parseAnnotationCsv } from "@/lib/export/parse-csv";
import type { TImportProblem, TSource } from "./problems";
import type { TUploadedFile } from "./read-request";

/** How a file refers to an article: our id, a body hash, and (CSV) the title it had. */
export type TArticleRef = {
  /** Groups the annotations of one article: the CSV's article_id or the JSON-LD target source. */
  key: string;
  id: string | null;
  title: string | null;
};

/** One annotation read from a file, checked for shape but not yet against the team's articles and users. */
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
  annotatorEmail: string | null;
  status: TStatus;
  agreeCount: number;
  disagreeCount: number;
  createdAt: Date | null;
  updatedAt: Date | null;
};

export type TAnnotationFileFormat = "csv" | "jsonld";

type TResult = { format: TAnnotationFileFormat | null; candidates: TAnnotationCandidate[]; problems: TImportProblem[] };

function fileOf(file: TUploadedFile): Pick<TSource, "file"> {
  return file.name === null ? {} : { file: file.name };
}

function fromCsv(file: TUploadedFile): TResult {
  const parsed = parseAnnotationCsv(file.text);
  if (!parsed.ok) {
    return { format: "csv", candidates: [], problems: [{ ...fileOf(file), line: 1, message: parsed.error.message }] };
  }
  const candidates: TAnnotationCandidate[] = [];
  const problems: TImportProblem[] = [];
  for (const record of parsed.records) {
    const source = { ...fileOf(file), line: record.line };
    if (!record.ok) {
      problems.push(...record.errors.map((e) => ({ ...source, ...(e.column ? { field: e.column } : {}), message: e.message })));
      continue;
    }
    const row = record.row;
    candidates.push({
      source,
      article: { key: row.articleId, id: row.articleId, title: row.articleTitle },
      start: row.start,
      end: row.end,
      quote: row.quote,
      prefix: null,
      suffix: null,
      tag: row.tag,
      note: row.note,
      annotatorEmail: row.annotatorEmail,
      status: row.status,
      agreeCount: row.agreeCount,
      disagreeCount: row.disagreeCount,
      createdAt: new Date(row.createdAt),
      updatedAt: new Date(row.updatedAt),
    });
  }
  return { format: "csv", candidates, problems };
}

type TRawItem = Record<string, unknown>;

function isStatus(value: unknown): value is TStatus {
  return typeof value === "string" && (STATUSES as readonly string[]).includes(value);
}

/** The agree/disagree counts of our own export (schema:interactionStatistic); 0 when absent. */
function count(item: TRawItem, action: "schema:AgreeAction" | "schema:DisagreeAction"): number {
  const stats = item["schema:interactionStatistic"];
  if (!Array.isArray(stats)) return 0;
  for (const stat of stats) {
    if (typeof stat !== "object" || stat === null) continue;
    const type = (stat as TRawItem)["schema:interactionType"];
    const id = typeof type === "object" && type !== null ? (type as TRawItem).id : type;
    const n = (stat as TRawItem)["schema:userInteractionCount"];
    if (id === action && Number.isSafeInteger(n) && (n as number) >= 0) return n as number;
  }
  return 0;
}

function date(value: unknown): Date | null {
  if (typeof value !== "string") return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** "first.items[3].target.selector[1]" -> 4 (the 1-based item) */
function itemOfPath(path: string): number | undefined {
  const match = /^first\.items\[(\d+)\]/.exec(path);
  return match?.[1] === undefined ? undefined : Number(match[1]) + 1;
}

function fromJsonLd(file: TUploadedFile): TResult {
  let doc: unknown;
  try {
    doc = JSON.parse(file.text);
  } catch (error) {
    return {
      format: "jsonld",
      candidates: [],
      problems: [{ ...fileOf(file), field: "file", message: `is not valid JSON (${(error as Error).message}).` }],
    };
  }
  let items: ReturnType<typeof fromAnnotationCollection>;
  try {
    items = fromAnnotationCollection(doc);
  } catch (error) {
    if (!(error instanceof JsonLdImportError)) throw error;
    return {
      format: "jsonld",
      candidates: [],
      problems: error.issues.map((issue) => {
        const item = itemOfPath(issue.path);
        return { ...fileOf(file), ...(item === undefined ? {} : { item }), path: issue.path, message: issue.message };
      }),
    };
  }
  const raw = ((doc as { first: { items: TRawItem[] } }).first.items ?? []) as TRawItem[];
  const candidates = items.map((item, index): TAnnotationCandidate => {
    const extra = raw[index] ?? {};
    const status = extra["schema:creativeWorkStatus"];
    return {
      source: { ...fileOf(file), item: index + 1 },
      article: { key: item.articleRef, id: articleIdFromIri(item.articleRef), title: null },
      start: item.start,
      end: item.end,
      quote: item.exact,
      prefix: item.prefix,
      suffix: item.suffix,
      tag: item.tag,
      note: item.note,
      annotatorEmail: item.creatorEmail,
      status: isStatus(status) ? status : "pending",
      agreeCount: count(extra, "schema:AgreeAction"),
      disagreeCount: count(extra, "schema:DisagreeAction"),
      createdAt: item.created,
      updatedAt: date(extra.modified),
    };
  });
  return { format: "jsonld", candidates, problems: [] };
}

/** Our own raw CSV export, or a W3C AnnotationCollection (JSON-LD); the format is told by the file's content. */
export function annotationCandidates(files: TUploadedFile[]): TResult {
  if (files.length !== 1) {
    return {
      format: null,
      candidates: [],
      problems: [{ field: "file", message: files.length === 0 ? "Choose a file to import." : "Import one file at a time." }],
    };
  }
  const file = files[0]!;
  const start = file.text.trimStart();
  if (start.startsWith("{") || start.startsWith("[")) return fromJsonLd(file);
  if (file.format === "json" && start === "") return fromJsonLd(file);
  return fromCsv(file);
}
