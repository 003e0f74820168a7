import pg from "pg";
import { pgConfig } from "@/lib/db/schema-engine";

// Test databases on a PostgreSQL server: one template migrated once per run, one copy per test file.

export const DEFAULT_TEST_POSTGRES_URL = "postgresql://app:app@127.0.0.1:5432/app";

/** The server the PostgreSQL run uses; its role needs CREATEDB. */
export function testPostgresUrl(): string {
  return process.env.TEST_POSTGRES_URL || DEFAULT_TEST_POSTGRES_URL;
}

/** The same server and credentials, another database. */
export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** One short connection to `url` for `work` (creating and dropping databases, maintenance). */
export async function withPostgres<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfig(url));
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const withAdmin = <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => withPostgres(testPostgresUrl(), work);

/** A database name as an SQL identifier. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function createDatabase(name: string, template?: string): Promise<string> {
  await withAdmin((c) => c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`));
  return databaseUrlFor(testPostgresUrl(), name);
}

/** Drops every database whose name starts with `prefix`, closing whatever still has them open. */
export async function dropDatabases(prefix: string): Promise<void> {
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
    for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${ident(datname)} WITH (FORCE)`);
  });
}
