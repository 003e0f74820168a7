import type Database from "better-sqlite3";

// SQLite-specific settings live here and nowhere else (PostgreSQL needs none of them).
export const BUSY_TIMEOUT_MS = 5000;

/** PRAGMA synchronous = FULL reads back as 2. */
export const SQLITE_SYNCHRONOUS_FULL = 2;

export function applyConnectionPragmas(db: Database.Database): void {
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // In WAL mode NORMAL syncs only at checkpoints: a commit survives the process dying but not the machine losing
  // power. FULL syncs the WAL on every commit, so an acknowledged write is on disk before anyone is told so; group
  // commit keeps that to one sync per batch of creates.
  db.pragma("synchronous = FULL");
}
