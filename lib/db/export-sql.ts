import type { TStatus, TTag } from "@/lib/annotations/tags";
import type { TExportRow } from "@/lib/export/columns";
import type { TProvider } from "./url";

// What both export engines share (sqlite-export.ts, postgres-export.ts): the query, the row it yields, and how a
// row becomes a record. Each engine opens its own connection, reads one consistent snapshot in batches and counts
// the connection here while it is open.

/** What to export. `teamId` is always applied: the query never reads another team's rows. */
export type TExportFilter = {
  teamId: string;
  articleId?: string;
  storyId?: string;
  tag?: TTag;
  authorId?: string;
  status?: TStatus;
};

/** An exported annotation; prefix and suffix are "" unless asked for (the CSV has no use for them). */
export type TExportRecord = TExportRow & { prefix: string; suffix: string };

export type TExportQueryOptions = {
  /** Rows per yielded batch. */
  batchSize?: number;
  /** Also read prefix and suffix (JSON-LD needs them). */
  withContext?: boolean;
  /** A SQLite database file to read instead of the app's database (DATABASE_URL). */
  file?: string;
};

export const EXPORT_BATCH_SIZE = 2000;

let openConnections = 0;

/** Export connections open right now: each running download holds one until it ends or is cancelled. */
export function openExportConnections(): number {
  return openConnections;
}

/** Called by an engine when it opens (+1) and closes (-1) an export's connection. */
export function countExportConnection(delta: 1 | -1): void {
  openConnections += delta;
}

/**
 * A row of exportSql as an engine yields it: the annotation's own columns, timestamps already as ISO 8601 UTC
 * text ("2026-11-25T10:00:00.000Z"); titles and annotators come from the lookups.
 */
export type TExportQueryRow = [
  id: string,
  articleId: string,
  authorId: string,
  tag: string,
  start: number,
  end: number,
  quote: string,
  note: string,
  status: string,
  agreeCount: number,
  disagreeCount: number,
  createdAt: string,
  updatedAt: string,
  prefix?: string,
  suffix?: string,
];

/** Positions of the two timestamps in TExportQueryRow, which each engine turns into ISO text. */
export const CREATED_AT = 11;
export const UPDATED_AT = 12;

/** An article's title and outlet and an annotator's email and name, read from the export's own snapshot. */
export type TExportLookups = {
  article: (id: string) => { title: string; outlet: string | null };
  author: (id: string) => { email: string; name: string };
};

export const MISSING_ARTICLE = { title: "", outlet: null };
export const MISSING_AUTHOR = { email: "", name: "" };

/** Turns query rows into what the export yields; made once per export, with that export's lookups. */
export type TExportShape<T> = (lookups: TExportLookups) => (row: TExportQueryRow) => T;

export type TSqlDialect = TProvider;

/**
 * The FROM, WHERE and ORDER BY of an export (every value bound, never spliced into the text). Placeholders are
 * SQLite's `?` or PostgreSQL's `$1, $2, …`.
 */
export function exportFrom(
  filter: TExportFilter,
  { withUser = false, dialect = "sqlite" }: { withUser?: boolean; dialect?: TSqlDialect } = {},
): { from: string; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    where.push(`${condition} = ${dialect === "postgresql" ? `$${params.length}` : "?"}`);
  };
  add('ar."teamId"', filter.teamId);
  where.push('an."deletedAt" IS NULL');
  if (filter.articleId !== undefined) add('an."articleId"', filter.articleId);
  if (filter.storyId !== undefined) add('ar."storyId"', filter.storyId);
  if (filter.tag !== undefined) add('an."tag"', filter.tag);
  if (filter.authorId !== undefined) add('an."authorId"', filter.authorId);
  if (filter.status !== undefined) add('an."status"', filter.status);
  // A team-wide export reads (nearly) every annotation: CROSS JOIN is SQLite's way of keeping Annotation the outer
  // loop, so the (createdAt, id) index supplies the order and rows stream from the first one instead of after a
  // sort of the whole table. With an article, story or author filter the planner's own choice (that index, then
  // sorting the few rows) is better. PostgreSQL has no such hint (and no ON after CROSS JOIN); its planner costs a
  // cursor for its first rows, which favours the same ordered index walk (test/query-plans.postgresql.test.ts).
  const teamWide = filter.articleId === undefined && filter.storyId === undefined && filter.authorId === undefined;
  const join = teamWide && dialect === "sqlite" ? "CROSS JOIN" : "JOIN";
  const from = `
      FROM "Annotation" an
      ${join} "Article" ar ON ar."id" = an."articleId"
      ${withUser ? 'JOIN "User" u ON u."id" = an."authorId"' : ""}
     WHERE ${where.join(" AND ")}
     ORDER BY an."createdAt", an."id"`;
  return { from, params };
}

/**
 * The export's SELECT: the annotation's own columns, without joining the annotator in. Every selected text becomes
 * a JS string, and an article's title and outlet and an annotator's email and name repeat on every row, so they are
 * read once each through the lookups instead, which roughly halves a large export's time.
 */
export function exportSql(
  filter: TExportFilter,
  withContext = false,
  dialect: TSqlDialect = "sqlite",
): { sql: string; params: unknown[] } {
  const { from, params } = exportFrom(filter, { dialect });
  const sql = `
    SELECT an."id", an."articleId", an."authorId", an."tag", an."start", an."end", an."quote", an."note", an."status",
           an."agreeCount", an."disagreeCount", an."createdAt", an."updatedAt"
           ${withContext ? ', an."prefix", an."suffix"' : ""}${from}`;
  return { sql, params };
}

/** The export's records: each row joined with its article and annotator. */
export const recordShape: TExportShape<TExportRecord> = (lookups) => (row) => {
  const article = lookups.article(row[1]);
  const author = lookups.author(row[2]);
  return {
    annotationId: row[0],
    articleId: row[1],
    articleTitle: article.title,
    outlet: article.outlet,
    annotatorEmail: author.email,
    annotatorName: author.name,
    tag: row[3] as TTag,
    start: row[4],
    end: row[5],
    quote: row[6],
    note: row[7],
    status: row[8] as TStatus,
    agreeCount: row[9],
    disagreeCount: row[10],
    createdAt: row[CREATED_AT],
    updatedAt: row[UPDATED_AT],
    prefix: row[13] ?? "",
    suffix: row[14] ?? "",
  };
};
