// A fresh database of either kind for a script that runs the real server: a SQLite file in a temporary directory,
// or a uniquely named database on the local PostgreSQL server (TEST_POSTGRES_URL). Dropped when the script ends.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDatabase, withAdmin } from "../../test/support/postgres";

export type TDatabaseKind = "sqlite" | "postgresql";
export const DATABASE_KINDS: readonly TDatabaseKind[] = ["sqlite", "postgresql"];

export type TTestDatabase = {
  kind: TDatabaseKind;
  /** DATABASE_URL for the app. */
  url: string;
  /** The SQLite file; null on PostgreSQL. */
  file: string | null;
  /** A directory the script may use for anything else; removed with the database. */
  dir: string;
  drop(): Promise<void>;
};

/** `label` names the PostgreSQL database (with a random suffix), so a leftover one says which script made it. */
export async function createTestDatabase(kind: TDatabaseKind, label: string): Promise<TTestDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `credibility-${label}-`));
  if (kind === "sqlite") {
    const file = path.join(dir, "app.db");
    return { kind, url: `file:${file}`, file, dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `sourcing_${label}_${process.pid}_${randomBytes(4).toString("hex")}`.replace(/[^a-z0-9_]/g, "_");
  const url = await createDatabase(name);
  return {
    kind,
    url,
    file: null,
    dir,
    async drop() {
      // FORCE: a server killed on purpose may have left connections the cluster has not reaped yet.
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The value of a `--db` option: sqlite, postgresql (or both where `allowBoth`); `fallback` when not given. */
export function databaseKinds(value: string | undefined, fallback: TDatabaseKind[], allowBoth: boolean): TDatabaseKind[] {
  if (value === undefined) return fallback;
  if (value === "both" && allowBoth) return [...DATABASE_KINDS];
  if (value === "sqlite" || value === "postgresql") return [value];
  throw new Error(`--db must be sqlite or postgresql${allowBoth ? " or both" : ""} (got ${value})`);
}
