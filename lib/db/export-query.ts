import Database from "better-sqlite3";
import type { TStatus, TTag } from "@/lib/annotations/tags";
import type { TExportRow } from "@/lib/export/columns";
import { BUSY_TIMEOUT_MS } from "./pragmas";
import { databaseUrl, sqliteFileFromUrl } from "./url";

// SQLite-specific (better-sqlite3) on purpose: one statement iterated on its own read-only connection reads a
// consistent snapshot in O(1) memory, about twice as fast as paging through Prisma (../shared/notes/
// csv-export-speed.md). A PostgreSQL port would replace this file with a server-side cursor.

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
  /** The database file; defaults to the app's (DATABASE_URL). */
  file?: string;
};

export const EXPORT_BATCH_SIZE = 2000;

let openConnections = 0;

/** Export connections open right now: each running download holds one until it ends or is cancelled. */
export function openExportConnections(): number {
  return openConnections;
}

/** A row of exportSql: the annotation's own columns; titles and annotators come from exportLookups. */
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
  createdAt: string | number,
  updatedAt: string | number,
  prefix?: string,
  suffix?: string,
];

/** The FROM, WHERE and ORDER BY of an export (every value bound, never spliced into the text). */
export function exportFrom(filter: TExportFilter, { withUser = false } = {}): { from: string; params: unknown[] } {
  const where = ['ar."teamId" = ?'];
  const params: unknown[] = [filter.teamId];
  const add = (condition: string, value: unknown) => {
    where.push(condition);
    params.push(value);
  };
  if (filter.articleId !== undefined) add('an."articleId" = ?', filter.articleId);
  if (filter.storyId !== undefined) add('ar."storyId" = ?', filter.storyId);
  if (filter.tag !== undefined) add('an."tag" = ?', filter.tag);
  if (filter.authorId !== undefined) add('an."authorId" = ?', filter.authorId);
  if (filter.status !== undefined) add('an."status" = ?', filter.status);
  // A team-wide export reads (nearly) every annotation: CROSS JOIN is SQLite's way of keeping Annotation the outer
  // loop, so the (createdAt, id) index supplies the order and rows stream from the first one instead of after a
  // sort of the whole table. With an article, story or author filter the planner's own choice (that index, then
  // sorting the few rows) is better.
  const teamWide = filter.articleId === undefined && filter.storyId === undefined && filter.authorId === undefined;
  const from = `
      FROM "Annotation" an
      ${teamWide ? 'CROSS JOIN "Article" ar' : 'JOIN "Article" ar'} ON ar."id" = an."articleId"
      ${withUser ? 'JOIN "User" u ON u."id" = an."authorId"' : ""}
     WHERE ${where.join(" AND ")}
     ORDER BY an."createdAt", an."id"`;
  return { from, params };
}

/**
 * The export's SELECT: the annotation's own columns, without joining the annotator in. Through better-sqlite3 every
 * selected text becomes a JS string, and an article's title and outlet and an annotator's email and name repeat on
 * every row, so they are read once each by exportLookups instead, which roughly halves a large export's time.
 */
export function exportSql(filter: TExportFilter, withContext = false): { sql: string; params: unknown[] } {
  const { from, params } = exportFrom(filter);
  const sql = `
    SELECT an."id", an."articleId", an."authorId", an."tag", an."start", an."end", an."quote", an."note", an."status",
           an."agreeCount", an."disagreeCount", an."createdAt", an."updatedAt"
           ${withContext ? ', an."prefix", an."suffix"' : ""}${from}`;
  return { sql, params };
}

export type TExportLookups = {
  article: (id: string) => { title: string; outlet: string | null };
  author: (id: string) => { email: string; name: string };
};

function memo<T>(lookup: Database.Statement, fallback: T): (id: string) => T {
  const seen = new Map<string, T>();
  return (id) => {
    let value = seen.get(id);
    if (value === undefined) {
      value = (lookup.get(id) as T | undefined) ?? fallback;
      seen.set(id, value);
    }
    return value;
  };
}

/** Titles and annotators, each read once per export on the export's connection (so from the same snapshot). */
export function exportLookups(connection: Database.Database): TExportLookups {
  return {
    article: memo(connection.prepare(`SELECT "title", "outlet" FROM "Article" WHERE "id" = ?`), { title: "", outlet: null }),
    author: memo(connection.prepare(`SELECT "email", "name" FROM "User" WHERE "id" = ?`), { email: "", name: "" }),
  };
}

const STORED_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;

// Prisma stores DateTime on SQLite as ISO 8601 text with "+00:00"; rewriting the suffix gives exactly what
// Date#toISOString gives without parsing a million dates. Anything else (integers of epoch ms in hand-made rows,
// other precisions) goes through Date.
export function toIsoTimestamp(value: string | number): string {
  if (typeof value === "string" && STORED_UTC.test(value)) return `${value.slice(0, 23)}Z`;
  return new Date(value).toISOString();
}

function toRecord(row: TExportQueryRow, lookups: TExportLookups): TExportRecord {
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
    createdAt: toIsoTimestamp(row[11]),
    updatedAt: toIsoTimestamp(row[12]),
    prefix: row[13] ?? "",
    suffix: row[14] ?? "",
  };
}

/** A read-only connection of its own for one export, counted in openExportConnections until it is closed. */
export function openExportConnection(file: string | undefined): Database.Database {
  const connection = new Database(file ?? sqliteFileFromUrl(databaseUrl()), { readonly: true, fileMustExist: true });
  openConnections++;
  try {
    connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // A bounded page cache of its own (16 MB) reads the walk in the index's order with fewer system calls.
    connection.pragma("cache_size = -16384");
  } catch (error) {
    closeExportConnection(connection);
    throw error;
  }
  return connection;
}

export function closeExportConnection(connection: Database.Database): void {
  connection.close();
  openConnections--;
}

/**
 * Runs one export query on its own read-only connection and yields its rows shaped by `shape` (made with the
 * connection, so it can look things up in the same snapshot), in batches. The connection opens on the first `next()`
 * and closes when the iteration ends, fails or is abandoned through `return()` (a cancelled download), so never more
 * than one batch is in memory.
 */
export async function* exportRowBatches<R, T>(
  query: (connection: Database.Database) => { sql: string; params: unknown[]; shape: (row: R) => T },
  { batchSize = EXPORT_BATCH_SIZE, file }: Omit<TExportQueryOptions, "withContext"> = {},
): AsyncGenerator<T[], void, undefined> {
  const connection = openExportConnection(file);
  try {
    const { sql, params, shape } = query(connection);
    const rows = connection.prepare(sql).raw(true).iterate(...params) as IterableIterator<R>;
    try {
      let batch: T[] = [];
      for (const row of rows) {
        batch.push(shape(row));
        if (batch.length >= batchSize) {
          // Between batches the statement stays open and the consumer decides when to ask for more.
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      // Finalises the statement when the consumer stops early; a no-op once it has run to the end.
      rows.return?.();
    }
  } finally {
    closeExportConnection(connection);
  }
}

/**
 * The filtered annotations joined with their article and annotator, oldest first (createdAt, then id), in
 * batches (exportRowBatches' connection rules).
 */
export function exportBatches(filter: TExportFilter, options: TExportQueryOptions = {}): AsyncGenerator<TExportRecord[], void, undefined> {
  const { withContext = false, ...rest } = options;
  return exportRowBatches<TExportQueryRow, TExportRecord>((connection) => {
    const lookups = exportLookups(connection);
    return { ...exportSql(filter, withContext), shape: (row) => toRecord(row, lookups) };
  }, rest);
}
