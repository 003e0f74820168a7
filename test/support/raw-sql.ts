import { databaseProvider } from "@/lib/db/url";

/** Raw SQL written with `?` placeholders, in the run's database's own (`$1, $2, …` on PostgreSQL). */
export function placeholders(sql: string): string {
  if (databaseProvider() !== "postgresql") return sql;
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
