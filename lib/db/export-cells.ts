import type Database from "better-sqlite3";
import type { TCsvCell } from "@/lib/export/columns";
import { exportFrom, exportRowBatches, toIsoTimestamp, type TExportFilter, type TExportQueryOptions } from "./export-query";

// The CSV export's path (issue 8). Through better-sqlite3 every selected text becomes a JS string, and stepping a
// million rows was most of the export's time; the article's title and outlet and the annotator's email and name
// repeat on every row, so they are read once per article and per annotator (same connection, same snapshot) and
// the query returns 13 annotation columns without the User join. export-cells.test.ts checks the cells against the
// joined records of exportBatches, byte for byte once written.

/** An exported annotation as CSV cells, in CSV_COLUMNS order. */
export type TExportCells = TCsvCell[];

type TSlimRow = [
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
];

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

function cellQuery(filter: TExportFilter, connection: Database.Database) {
  const { from, params } = exportFrom(filter, { withUser: false });
  const sql = `
    SELECT an."id", an."articleId", an."authorId", an."tag", an."start", an."end", an."quote", an."note", an."status",
           an."agreeCount", an."disagreeCount", an."createdAt", an."updatedAt"${from}`;
  const article = memo(connection.prepare(`SELECT "title", "outlet" FROM "Article" WHERE "id" = ?`), { title: "", outlet: null as string | null });
  const author = memo(connection.prepare(`SELECT "email", "name" FROM "User" WHERE "id" = ?`), { email: "", name: "" });
  const shape = (row: TSlimRow): TExportCells => {
    const a = article(row[1]);
    const u = author(row[2]);
    return [
      row[0], row[1], a.title, a.outlet ?? "", u.email, u.name, row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10],
      toIsoTimestamp(row[11]), toIsoTimestamp(row[12]),
    ];
  };
  return { sql, params, shape };
}

/**
 * The filtered annotations as CSV cells, oldest first (createdAt, then id), in batches, under exportRowBatches'
 * connection rules: the same rows and values as exportBatches.
 */
export function exportCellBatches(
  filter: TExportFilter,
  options: Omit<TExportQueryOptions, "withContext"> = {},
): AsyncGenerator<TExportCells[], void, undefined> {
  return exportRowBatches<TSlimRow, TExportCells>((connection) => cellQuery(filter, connection), options);
}
