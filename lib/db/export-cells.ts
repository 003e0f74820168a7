import type { TCsvCell } from "@/lib/export/columns";
import { exportRowBatches } from "./export-query";
import type { TExportFilter, TExportQueryOptions, TExportShape } from "./export-sql";

// The CSV export's path: the query's rows straight into CSV cells, no record object per row.
// export-cells.test.ts checks the cells against exportBatches' records, byte for byte once written.

/** An exported annotation as CSV cells, in CSV_COLUMNS order. */
export type TExportCells = TCsvCell[];

const cellShape: TExportShape<TExportCells> =
  ({ article, author }) =>
  (row) => {
    const a = article(row[1]);
    const u = author(row[2]);
    return [row[0], row[1], a.title, a.outlet ?? "", u.email, u.name, row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10], row[11], row[12]];
  };

/**
 * The filtered annotations as CSV cells, oldest first (createdAt, then id), in batches, under exportRowBatches'
 * connection rules: the same rows and values as exportBatches.
 */
export function exportCellBatches(
  filter: TExportFilter,
  options: Omit<TExportQueryOptions, "withContext"> = {},
): AsyncGenerator<TExportCells[], void, undefined> {
  return exportRowBatches(filter, cellShape, options);
}
