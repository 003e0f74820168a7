import type Database from "better-sqlite3";

// SQLite-specific settings live here and nowhere else (PostgreSQL needs none of them).
export const BUSY_TIMEOUT_MS = 5000;

export function applyConnectionPragmas(db: Database.Database): void {
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma("synchronous = NORMAL");
}
