// Bytes on disk per table, indexes included: SQLite's dbstat (pages of each b-tree, free pages excluded), or
// PostgreSQL's pg_total_relation_size (heap, indexes and TOAST).
import Database from "better-sqlite3";
import { withPostgres } from "../../test/support/postgres";
import type { TBenchDatabase } from "./database";

export type TStorage = {
  /** Growth per create, by table (only tables that grew). */
  bytesPerCreate: Record<string, number>;
  /** The generated data: rows and bytes per row, by table. */
  generated: Record<string, { rows: number; bytesPerRow: number }>;
};

export async function tableBytes(database: TBenchDatabase): Promise<Record<string, number>> {
  if (database.kind === "sqlite") {
    const connection = new Database(database.url.replace(/^file:/, ""), { readonly: true, fileMustExist: true });
    try {
      const rows = connection
        .prepare(`SELECT m."tbl_name" AS "table", SUM(s."pgsize") AS "bytes" FROM dbstat s JOIN sqlite_master m ON m."name" = s."name" GROUP BY m."tbl_name"`)
        .all() as { table: string; bytes: number }[];
      return Object.fromEntries(rows.map((r) => [r.table, r.bytes]));
    } finally {
      connection.close();
    }
  }
  return withPostgres(database.url, async (c) => {
    const { rows } = await c.query<{ table: string; bytes: string }>(
      `SELECT relname AS "table", pg_total_relation_size(oid) AS "bytes" FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`,
    );
    return Object.fromEntries(rows.map((r) => [r.table, Number(r.bytes)]));
  });
}
