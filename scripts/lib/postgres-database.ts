// What the scripts do to a PostgreSQL database as a whole: empty the app's schema (db:reset), and create and drop a
// scratch database on a server (the end-to-end run on PostgreSQL).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { pgConfig } from "../../lib/db/schema-engine";

/** The server the PostgreSQL test runs use (as test/support/postgres.ts); its role needs CREATEDB. */
export const DEFAULT_TEST_POSTGRES_URL = "postgresql://app:app@127.0.0.1:5432/app";

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Drops every table and enum type in the connection's schema, in one transaction, so the migrations can build the
 * database again from nothing. The role needs to own the tables (the one that migrated them does), not the schema
 * or the database. If a transaction of a running app holds a lock on them, it gives up rather than wait for it.
 */
export async function dropAppTables(url: string): Promise<{ tables: number }> {
  return withClient(url, async (client) => {
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
      return { tables: tables.rows.length };
    } catch (error) {
      await client.query("ROLLBACK");
      if ((error as { code?: string }).code === "55P03") {
        throw new Error("Another session holds a lock on the app's tables (is the app running?): stop the app, then reset.");
      }
      throw error;
    }
  });
}

/** The same server and credentials, another database. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export type TScratchDatabase = { url: string; drop: () => Promise<void> };

/** A new, empty database named `prefix` + random hex on the server `serverUrl` names; `drop` removes it. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<TScratchDatabase> {
  const name = `${prefix}${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${ident(name)}`));
  return {
    url: databaseUrlFor(serverUrl, name),
    drop: () => withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`)).then(() => undefined),
  };
}
