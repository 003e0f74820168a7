// npm run db:reset on PostgreSQL: empties the app's schema so the migrations can build it again. The database, its
// role and its other schemas stay.
import pg from "pg";
import { pgConfig } from "../../lib/db/schema-engine";

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Drops every table and enum type in the connection's schema, in one transaction, so the migrations can build the
 * database again from nothing. The role needs to own the tables (the one that migrated them does), not the schema
 * or the database. If a transaction of a running app holds a lock on them, it gives up rather than wait for it.
 */
export async function dropAppTables(url: string): Promise<void> {
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  try {
    await client.query("BEGIN");
    try {
      await client.query(`SET LOCAL lock_timeout = '10s'`);
      const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`);
      const types = await client.query<{ name: string }>(
        `SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
         WHERE n.nspname = current_schema() AND t.typtype = 'e'`,
      );
      if (tables.rows.length) await client.query(`DROP TABLE IF EXISTS ${tables.rows.map((r) => ident(r.name)).join(", ")} CASCADE`);
      if (types.rows.length) await client.query(`DROP TYPE IF EXISTS ${types.rows.map((r) => ident(r.name)).join(", ")} CASCADE`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      if ((error as { code?: string }).code === "55P03") {
        throw new Error("Another session holds a lock on the app's tables (is the app running?): stop the app, then reset.");
      }
      throw error;
    }
  } finally {
    await client.end();
  }
}
