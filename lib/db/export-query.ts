import { recordShape, type TExportFilter, type TExportQueryOptions, type TExportRecord, type TExportShape } from "./export-sql";
import { postgresRowBatches } from "./postgres-export";
import { sqliteRowBatches } from "./sqlite-export";
import { databaseProvider } from "./url";

// The export's one entry point for the routes: the same query, rows, order and snapshot rules on either database,
// each read by its own engine (sqlite-export.ts, postgres-export.ts).

export {
  EXPORT_BATCH_SIZE,
  exportFrom,
  openExportConnections,
  type TExportFilter,
  type TExportQueryOptions,
  type TExportRecord,
} from "./export-sql";

/**
 * The filtered rows, oldest first (createdAt, then id), shaped by `shape`, in batches read from one snapshot on a
 * connection of the export's own. The connection opens on the first `next()` and closes when the iteration ends,
 * fails or is abandoned through `return()` (a cancelled download), so never more than one batch is in memory.
 * With `file`, that SQLite file is read instead of the app's database.
 */
export function exportRowBatches<T>(
  filter: TExportFilter,
  shape: TExportShape<T>,
  options: TExportQueryOptions = {},
): AsyncGenerator<T[], void, undefined> {
  if (options.file === undefined && databaseProvider() === "postgresql") return postgresRowBatches(filter, shape, options);
  return sqliteRowBatches(filter, shape, options);
}

/** The filtered annotations joined with their article and annotator, under exportRowBatches' rules. */
export function exportBatches(filter: TExportFilter, options: TExportQueryOptions = {}): AsyncGenerator<TExportRecord[], void, undefined> {
  return exportRowBatches(filter, recordShape, options);
}
