import Database from "better-sqlite3";
import {
  countExportConnection,
  CREATED_AT,
  EXPORT_BATCH_SIZE,
  exportSql,
  MISSING_ARTICLE,
  MISSING_AUTHOR,
  UPDATED_AT,
  type TExportFilter,
  type TExportLookups,
  type TExportQueryOptions,
  type TExportQueryRow,
  type TExportShape,
} from "./export-sql";
import { BUSY_TIMEOUT_MS } from "./pragmas";
import { databaseUrl, sqliteFileFromUrl } from "./url";

// The export on SQLite (better-sqlite3): one statement iterated on its own read-only connection reads a consistent
// snapshot in O(1) memory, about twice as fast as paging through Prisma (../shared/notes/csv-export-speed.md).

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
function sqliteLookups(connection: Database.Database): TExportLookups {
  return {
    article: memo(connection.prepare(`SELECT "title", "outlet" FROM "Article" WHERE "id" = ?`), MISSING_ARTICLE),
    author: memo(connection.prepare(`SELECT "email", "name" FROM "User" WHERE "id" = ?`), MISSING_AUTHOR),
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

/** A read-only connection of its own for one export, counted in openExportConnections until it is closed. */
function openExportConnection(file: string | undefined): Database.Database {
  const connection = new Database(file ?? sqliteFileFromUrl(databaseUrl()), { readonly: true, fileMustExist: true });
  countExportConnection(1);
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

function closeExportConnection(connection: Database.Database): void {
  connection.close();
  countExportConnection(-1);
}

/**
 * Runs the export query on its own read-only connection and yields its rows shaped by `shape`, in batches. The
 * connection opens on the first `next()` and closes when the iteration ends, fails or is abandoned through
 * `return()` (a cancelled download), so never more than one batch is in memory.
 */
export async function* sqliteRowBatches<T>(
  filter: TExportFilter,
  shape: TExportShape<T>,
  { batchSize = EXPORT_BATCH_SIZE, withContext = false, file }: TExportQueryOptions = {},
): AsyncGenerator<T[], void, undefined> {
  const connection = openExportConnection(file);
  try {
    const { sql, params } = exportSql(filter, withContext, "sqlite");
    const toValue = shape(sqliteLookups(connection));
    const rows = connection.prepare(sql).raw(true).iterate(...params) as IterableIterator<TExportQueryRow>;
    try {
      let batch: T[] = [];
      for (const row of rows) {
        // As stored (text, or epoch ms in hand-made rows) to the ISO text TExportQueryRow promises.
        row[CREATED_AT] = toIsoTimestamp(row[CREATED_AT] as string | number);
        row[UPDATED_AT] = toIsoTimestamp(row[UPDATED_AT] as string | number);
        batch.push(toValue(row));
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
