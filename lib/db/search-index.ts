import Database from "better-sqlite3";
import pg from "pg";
import { pgConfig } from "./schema-engine";
import { providerOf, sqliteFileFromUrl } from "./url";

// The full-text index behind search, kept by the database itself. It is derived data, outside what schema.prisma
// describes: made here, idempotently, after the migrations (migrateDatabase), and rebuilt from the rows whenever it
// is first made.
//
// SQLite: two contentless FTS5 tables keyed by the rowid of the row they index (so a change deletes one entry by
// key, never scans), filled by triggers on Article and Annotation, whoever writes (Prisma or the store's own
// statements). A deleted or orphaned annotation leaves the index. PostgreSQL: GIN indexes on the tsvector
// expressions the search query uses, so nothing is written twice.

/** The text of an annotation as searched: its quote and its note. */
export const SQLITE_SEARCH_DDL = `
CREATE VIRTUAL TABLE IF NOT EXISTS "ArticleSearch" USING fts5(title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS "AnnotationSearch" USING fts5(text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER IF NOT EXISTS "Article_search_insert" AFTER INSERT ON "Article" BEGIN
  INSERT INTO "ArticleSearch" (rowid, title, body) VALUES (NEW.rowid, NEW."title", NEW."body");
END;
CREATE TRIGGER IF NOT EXISTS "Article_search_update" AFTER UPDATE OF "title", "body" ON "Article" BEGIN
  DELETE FROM "ArticleSearch" WHERE rowid = OLD.rowid;
  INSERT INTO "ArticleSearch" (rowid, title, body) VALUES (NEW.rowid, NEW."title", NEW."body");
END;
CREATE TRIGGER IF NOT EXISTS "Article_search_delete" AFTER DELETE ON "Article" BEGIN
  DELETE FROM "ArticleSearch" WHERE rowid = OLD.rowid;
END;
CREATE TRIGGER IF NOT EXISTS "Annotation_search_insert" AFTER INSERT ON "Annotation" WHEN NEW."deletedAt" IS NULL BEGIN
  INSERT INTO "AnnotationSearch" (rowid, text) VALUES (NEW.rowid, NEW."quote" || ' ' || NEW."note");
END;
CREATE TRIGGER IF NOT EXISTS "Annotation_search_update" AFTER UPDATE OF "quote", "note", "deletedAt" ON "Annotation" BEGIN
  DELETE FROM "AnnotationSearch" WHERE rowid = OLD.rowid;
  INSERT INTO "AnnotationSearch" (rowid, text) SELECT NEW.rowid, NEW."quote" || ' ' || NEW."note" WHERE NEW."deletedAt" IS NULL;
END;
CREATE TRIGGER IF NOT EXISTS "Annotation_search_delete" AFTER DELETE ON "Annotation" BEGIN
  DELETE FROM "AnnotationSearch" WHERE rowid = OLD.rowid;
END;
`;

const SQLITE_FILL = `
INSERT INTO "ArticleSearch" (rowid, title, body) SELECT rowid, "title", "body" FROM "Article";
INSERT INTO "AnnotationSearch" (rowid, text) SELECT rowid, "quote" || ' ' || "note" FROM "Annotation" WHERE "deletedAt" IS NULL;
`;

/** The tsvector expressions the PostgreSQL search matches on; the GIN indexes are on exactly these. */
export const PG_ARTICLE_VECTOR = `to_tsvector('simple', "title" || ' ' || "body")`;
export const PG_ANNOTATION_VECTOR = `to_tsvector('simple', "quote" || ' ' || "note")`;

const PG_DDL = [
  `CREATE INDEX CONCURRENTLY IF NOT EXISTS "Article_search_idx" ON "Article" USING GIN ((${PG_ARTICLE_VECTOR}))`,
  `CREATE INDEX CONCURRENTLY IF NOT EXISTS "Annotation_search_idx" ON "Annotation" USING GIN ((${PG_ANNOTATION_VECTOR}))`,
];

/** Makes the search index if the database has none yet (and fills it from the rows); otherwise changes nothing. */
export async function ensureSearchIndex(databaseUrl: string): Promise<void> {
  if (providerOf(databaseUrl) === "sqlite") {
    const file = sqliteFileFromUrl(databaseUrl);
    if (file === ":memory:") return;
    const db = new Database(file);
    try {
      const made = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'AnnotationSearch'`).get();
      if (made) return;
      db.transaction(() => {
        db.exec(SQLITE_SEARCH_DDL);
        db.exec(SQLITE_FILL);
      })();
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client(pgConfig(databaseUrl));
  await client.connect();
  try {
    // CONCURRENTLY: a server already serving writes keeps serving them while the index is built.
    for (const sql of PG_DDL) await client.query(sql);
  } finally {
    await client.end();
  }
}
