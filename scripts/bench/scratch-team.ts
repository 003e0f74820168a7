// A throwaway database for the standalone benches (reanchor.ts, search.ts): SQLite in a temporary folder, or a new
// PostgreSQL database on TEST_POSTGRES_URL's server, migrated, with one team and its admin; dropped afterwards.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TSessionUser } from "../../lib/auth/session-user";

const DEFAULT_PG = "postgresql://app:app@127.0.0.1:5432/app";

/** `--db sqlite|postgresql` and `--<name> value` from the command line. */
export function benchArg(name: string): string | undefined {
  return process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
}

export async function withScratchTeam<T>(label: string, work: (session: TSessionUser) => Promise<T>): Promise<T> {
  const kind = benchArg("--db") ?? "sqlite";
  let drop: (() => Promise<void>) | null = null;
  if (kind === "postgresql") {
    const server = process.env.TEST_POSTGRES_URL || DEFAULT_PG;
    const name = `bench_${label}_${process.pid}`;
    const run = async (sql: string) => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(sql);
      await c.end();
    };
    await run(`CREATE DATABASE "${name}"`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    drop = () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    process.env.DATABASE_URL = `file:${path.join(mkdtempSync(path.join(os.tmpdir(), `bench-${label}-`)), "bench.db")}`;
  }
  try {
    const { migrateDatabase } = await import("../../lib/db/migrations");
    await migrateDatabase(process.env.DATABASE_URL!);
    const { getDb, disconnectDb } = await import("../../lib/db/client");
    const db = getDb();
    const team = await db.team.create({ data: { name: "Bench" } });
    const user = await db.user.create({ data: { email: "bench@example.com", name: "Bench", role: "admin", teamId: team.id, passwordHash: "x" } });
    try {
      return await work({ id: user.id, email: user.email, name: user.name, role: "admin", teamId: team.id, teamName: team.name });
    } finally {
      await disconnectDb();
    }
  } finally {
    await drop?.();
  }
}
