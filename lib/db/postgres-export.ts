import pg from "pg";
import {
  countExportConnection,
  EXPORT_BATCH_SIZE,
  exportSql,
  MISSING_ARTICLE,
  MISSING_AUTHOR,
  type TExportFilter,
  type TExportLookups,
  type TExportQueryOptions,
  type TExportQueryRow,
  type TExportShape,
} from "./export-sql";
import { databaseUrl } from "./url";

// The export on PostgreSQL: a connection of its own per export, one REPEATABLE READ READ ONLY transaction (every
// batch and every title or annotator it looks up come from one snapshot, whatever is written meanwhile), and a
// server-side cursor fetched one batch at a time, so the server holds the rest and memory stays at one batch.

/** How an export's session shows in pg_stat_activity. */
export const EXPORT_APPLICATION_NAME = "sourcing-export";

const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.(\d{1,6}))?$/;

/**
 * PostgreSQL's text for a TIMESTAMP ("2026-11-25 10:00:00.12") as Date#toISOString gives it. Prisma stores UTC
 * without a zone, and reads it back as UTC; pg's own parser would read it in the process's local time zone.
 */
export function postgresTimestampToIso(text: string): string {
  const match = PG_TIMESTAMP.exec(text);
  if (match) return `${text.slice(0, 10)}T${text.slice(11, 19)}.${`${match[1] ?? ""}000`.slice(0, 3)}Z`;
  // Years outside 0000-9999: Date either reads them or throws, never guesses.
  return new Date(`${text.replace(" ", "T")}Z`).toISOString();
}

const TIMESTAMP_OID: number = pg.types.builtins.TIMESTAMP;

// Timestamps stay text and become ISO here, with no Date per value; everything else parses as pg parses it (the
// export's integers are int4, so numbers).
const exportTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID ? postgresTimestampToIso : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** Titles and annotators, each read once per export, for a batch's new ids at a time, in the export's snapshot. */
function postgresLookups(client: pg.Client) {
  const articles = new Map<string, { title: string; outlet: string | null }>();
  const authors = new Map<string, { email: string; name: string }>();
  async function fill<V>(seen: Map<string, V>, ids: string[], sql: string, missing: V, value: (row: Record<string, unknown>) => V) {
    const wanted = [...new Set(ids.filter((id) => !seen.has(id)))];
    if (wanted.length === 0) return;
    for (const id of wanted) seen.set(id, missing);
    const { rows } = await client.query(sql, [wanted]);
    for (const row of rows) seen.set(row.id as string, value(row));
  }
  const lookups: TExportLookups = {
    article: (id) => articles.get(id) ?? MISSING_ARTICLE,
    author: (id) => authors.get(id) ?? MISSING_AUTHOR,
  };
  return {
    lookups,
    async load(rows: TExportQueryRow[]): Promise<void> {
      await fill(
        articles,
        rows.map((r) => r[1]),
        `SELECT "id", "title", "outlet" FROM "Article" WHERE "id" = ANY($1::text[])`,
        MISSING_ARTICLE,
        (r) => ({ title: r.title as string, outlet: r.outlet as string | null }),
      );
      await fill(
        authors,
        rows.map((r) => r[2]),
        `SELECT "id", "email", "name" FROM "User" WHERE "id" = ANY($1::text[])`,
        MISSING_AUTHOR,
        (r) => ({ email: r.email as string, name: r.name as string }),
      );
    },
  };
}

async function endQuietly(client: pg.Client): Promise<void> {
  try {
    await client.end();
  } catch {
    // The session is gone either way; the export's own outcome is the one to report.
  }
}

/**
 * Runs the export query through a cursor on a connection of its own and yields its rows shaped by `shape`, in
 * batches. The connection opens on the first `next()` and is closed when the iteration ends, fails or is abandoned
 * through `return()` (a cancelled download); closing the session ends the transaction and the cursor with it.
 */
export async function* postgresRowBatches<T>(
  filter: TExportFilter,
  shape: TExportShape<T>,
  { batchSize = EXPORT_BATCH_SIZE, withContext = false }: Omit<TExportQueryOptions, "file"> = {},
): AsyncGenerator<T[], void, undefined> {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  const client = new pg.Client({ connectionString: databaseUrl(), types: exportTypes, application_name: EXPORT_APPLICATION_NAME });
  // A session the server ends between two fetches (a restart, an administrator) is reported by pg as an "error"
  // event, which would end the process without a listener; the export fails on its next query instead.
  client.on("error", () => {});
  countExportConnection(1);
  try {
    await client.connect();
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { sql, params } = exportSql(filter, withContext, "postgresql");
    await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${sql}`, params);
    const { lookups, load } = postgresLookups(client);
    const toValue = shape(lookups);
    for (;;) {
      const { rows } = await client.query<TExportQueryRow>({ text: `FETCH ${batchSize} FROM export_rows`, rowMode: "array" });
      if (rows.length === 0) break;
      await load(rows);
      // Between batches the cursor stays open on the server and the consumer decides when to ask for more.
      yield rows.map(toValue);
      if (rows.length < batchSize) break;
    }
  } finally {
    await endQuietly(client);
    countExportConnection(-1);
  }
}
