// BENCHMARK ONLY: the bare stack's one INSERT (route.bench.ts), through each database's own driver with no Prisma,
// no transaction of our own and no other statement.
import Database from "better-sqlite3";
import pg from "pg";
import { POSTGRES_POOL_SIZE } from "@/lib/db/client";
import { applyConnectionPragmas } from "@/lib/db/pragmas";
import { databaseUrl, sqliteFileFromUrl, type TProvider } from "@/lib/db/url";

/** Rows inserted here carry this note, so the benchmark can count and then remove them. */
const BARE_NOTE = "bench-bare";

const COLUMNS = `"id", "articleId", "authorId", "start", "end", "quote", "prefix", "suffix", "tag", "note",
                 "status", "agreeCount", "disagreeCount", "createdAt", "updatedAt"`;

export type TBareRow = { id: string; articleId: string; authorId: string; start: number; end: number; tag: string; now: Date };

let sqliteInsert: Database.Statement | undefined;

function sqliteStatement(): Database.Statement {
  if (!sqliteInsert) {
    const connection = new Database(sqliteFileFromUrl(databaseUrl()), { fileMustExist: true });
    // The same settings as the app's writer, synchronous = FULL included: both commit durably.
    applyConnectionPragmas(connection);
    sqliteInsert = connection.prepare(
      `INSERT INTO "Annotation" (${COLUMNS}) VALUES (?, ?, ?, ?, ?, '', '', '', ?, '${BARE_NOTE}', 'pending', 0, 0, ?, ?)
       ON CONFLICT DO NOTHING`,
    );
  }
  return sqliteInsert;
}

let pool: pg.Pool | undefined;

/** As many connections as the app's own Prisma pool, so both stacks get the same share of the server. */
function postgresPool(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: databaseUrl(), max: POSTGRES_POOL_SIZE });
  return pool;
}

const POSTGRES_INSERT = {
  name: "bench-bare-insert",
  text: `INSERT INTO "Annotation" (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5, '', '', '', $6, '${BARE_NOTE}', 'pending', 0, 0, $7, $7)
         ON CONFLICT DO NOTHING`,
};

/** Inserts the row (autocommitted, so durably on both databases); false when its key already existed. */
export async function insertBare(provider: TProvider, row: TBareRow): Promise<boolean> {
  if (provider === "postgresql") {
    // TIMESTAMP(3) holds UTC wall time, as Prisma writes it: UTC text, whatever the process's time zone.
    const values = [row.id, row.articleId, row.authorId, row.start, row.end, row.tag, row.now.toISOString()];
    const { rowCount } = await postgresPool().query({ ...POSTGRES_INSERT, values });
    return rowCount === 1;
  }
  const now = row.now.toISOString();
  return sqliteStatement().run(row.id, row.articleId, row.authorId, row.start, row.end, row.tag, now, now).changes === 1;
}
