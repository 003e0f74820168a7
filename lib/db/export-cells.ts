import type { TCsvCell } from "@/lib/export/columns";
import {
  exportLookups,
  exportRowBatches,
  exportSql,
  toIsoTimestamp,
  type TExportFilter,
  type TExportQueryOptions,
  type TExportQueryRow,
} from "./export-query";

// The CSV export's path: the query's rows straight into CSV cells, no record object per row.
// export-cells.test.ts checks the cells against exportBatches' records, byte for byte once written.

/** An exported annotation as CSV cells, in CSV_COLUMNS order. */
export type TExportCells = TCsvCell[];

/**
 * The filtered annotations as CSV cells, oldest first (createdAt, then id), in batches, under exportRowBatches'
 * connection rules: the same rows and values as exportBatches.
 */
export function exportCellBatches(
  filter: TExportFilter,
  options: Omit<TExportQueryOptions, "withContext"> = {},
): AsyncGenerator<TExportCells[], void, undefined> {
  return exportRowBatches<TExportQueryRow, TExportCells>((connection) => {
    const { article, author } = exportLookups(connection);
    const shape = (row: TExportQueryRow): TExportCells => {
      const a = article(row[1]);
      const u = author(row[2]);
      return [
        row[0], row[1], a.title, a.outlet ?? "", u.email, u.name, row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10],
        toIsoTimestamp(row[11]), toIsoTimestamp(row[12]),
      ];
    };
    return { ...exportSql(filter), shape };
  }, options);
}
