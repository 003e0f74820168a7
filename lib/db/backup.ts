import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { BUSY_TIMEOUT_MS } from "./pragmas";
import { sqliteFileFromUrl } from "./url";

/**
 * A consistent copy of a live database through SQLite's online backup API: pages changed by writers while it
 * runs are copied again, so the result is one point in time even while the server keeps writing.
 */
export async function backupDatabase(databaseUrl: string, destination: string): Promise<{ pages: number }> {
  const source = new Database(sqliteFileFromUrl(databaseUrl), { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    mkdirSync(path.dirname(destination), { recursive: true });
    // After a first small step, copy every remaining page in one step: a writer on another connection would
    // otherwise restart a page-by-page backup forever.
    const result = await source.backup(destination, { progress: () => 0x7fffffff });
    return { pages: result.totalPages };
  } finally {
    source.close();
  }
}

/** Copies a backup over the database (stop the server first). Returns PRAGMA integrity_check of the result. */
export async function restoreDatabase(backupFile: string, databaseUrl: string): Promise<string> {
  if (!existsSync(backupFile)) throw new Error(`No backup at ${backupFile}`);
  const backup = new Database(backupFile, { readonly: true, fileMustExist: true });
  const target = sqliteFileFromUrl(databaseUrl);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    await backup.backup(target, { progress: () => 0x7fffffff });
  } finally {
    backup.close();
  }
  return integrityCheck(databaseUrl);
}

export function integrityCheck(databaseUrl: string): string {
  const db = new Database(sqliteFileFromUrl(databaseUrl), { readonly: true, fileMustExist: true });
  try {
    return String(db.pragma("integrity_check", { simple: true }));
  } finally {
    db.close();
  }
}
