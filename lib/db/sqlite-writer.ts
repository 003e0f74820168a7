import { setTimeout as sleep } from "node:timers/promises";
import Database from "better-sqlite3";
import type {
  TArticleQuote,
  TArticleScoreState,
  TCreateContext,
  TCreateContextQuery,
  TNewAnnotation,
  TNewAuditEvent,
  TScoreCache,
  TSessionUserRow,
  TStoredAnnotation,
  TTagRangesQuery,
} from "./store";
import { applyConnectionPragmas, BUSY_TIMEOUT_MS } from "./pragmas";
import { databaseUrl, sqliteFileFromUrl } from "./url";
import {
  SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES,
  startWalCheckpointer,
  WRITER_AUTOCHECKPOINT_PAGES,
  type TCheckpointer,
} from "./wal-checkpointer";

// The synchronous side of the SQLite store (sqlite-store.ts): one better-sqlite3 connection per process with its
// statements prepared once. The annotation create path runs here because, unlike a dozen statements through Prisma's
// adapter (each a round trip), these run back to back and no other request can interleave; group-commit.ts commits
// the creates of one event-loop turn together.

/** Prisma stores DateTime on SQLite as ISO 8601 text with an explicit offset; rows written here match it. */
export function storedTimestamp(date: Date): string {
  return date.toISOString().replace(/Z$/, "+00:00");
}

export const WRITER_SQL = {
  // SQLite's substr counts characters (code points), the API's offsets, so the quote and its context come out of
  // the database without turning the whole body (up to hundreds of KB) into a JS string on every create.
  teamArticleQuote: `SELECT "id", "bodyLength",
       substr("body", @start + 1, @end - @start) AS "exact",
       substr("body", max(@start - @context, 0) + 1, @start - max(@start - @context, 0)) AS "prefix",
       substr("body", @end + 1, @context) AS "suffix"
     FROM "Article" WHERE "id" = @articleId AND "teamId" = @teamId`,
  annotationByKey: `SELECT * FROM "Annotation"
     WHERE "articleId" = ? AND "authorId" = ? AND "start" = ? AND "end" = ? AND "tag" = ?`,
  insertAnnotation: `INSERT INTO "Annotation"
       ("id", "articleId", "authorId", "start", "end", "quote", "prefix", "suffix", "tag", "note", "createdAt", "updatedAt")
     VALUES (@id, @articleId, @authorId, @start, @end, @quote, @prefix, @suffix, @tag, @note, @createdAt, @createdAt)
     RETURNING *`,
  purgeReviews: `DELETE FROM "Review" WHERE "annotationId" = ?`,
  purgeAnnotation: `DELETE FROM "Annotation" WHERE "id" = ?`,
  insertAuditEvent: `INSERT INTO "AuditEvent"
       ("id", "teamId", "actorId", "action", "entityType", "entityId", "before", "after", "createdAt")
     VALUES (@id, @teamId, @actorId, @action, @entityType, @entityId, @before, @after, @createdAt)`,
  // One tag's ranges that count towards its consensus spans (metrics.md: rejected annotations do not), by start:
  // a range scan of the (articleId, start, …) index, which also holds every column filtered on.
  tagRangesBetween: `SELECT "start", "end" FROM "Annotation"
     WHERE "articleId" = @articleId AND "start" BETWEEN @from AND @to AND "tag" = @tag AND "status" <> 'rejected'
       AND "deletedAt" IS NULL AND "id" <> @exceptId`,
  articleScoreState: `SELECT t."weightOfficialStatement", t."weightAnonymousSource", t."weightOpinion",
       a."annotationCount", a."consensusOfficial", a."consensusAnonymous", a."consensusOpinion"
     FROM "Article" a JOIN "Team" t ON t."id" = a."teamId" WHERE a."id" = ?`,
  updateScoreCache: `UPDATE "Article"
     SET "annotationCount" = @annotationCount, "score" = @score, "consensusOfficial" = @consensusOfficial,
         "consensusAnonymous" = @consensusAnonymous, "consensusOpinion" = @consensusOpinion, "updatedAt" = @updatedAt
     WHERE "id" = @id`,
  // The session's row comes with the user in the same statement: a token whose row is missing has no expiry here.
  sessionUser: `SELECT u."id", u."email", u."name", u."role", u."teamId", u."sessionVersion", t."name" AS "teamName",
       s."expiresAt" AS "sessionExpiresAt", s."revokedAt" AS "sessionRevokedAt"
     FROM "User" u JOIN "Team" t ON t."id" = u."teamId"
     LEFT JOIN "Session" s ON s."id" = @sessionId AND s."userId" = u."id"
     WHERE u."id" = @userId`,
} as const;

type TAnnotationRow = Omit<TStoredAnnotation, "createdAt" | "updatedAt" | "deletedAt" | "orphanedAt"> & {
  createdAt: string | number;
  updatedAt: string | number;
  deletedAt: string | number | null;
  orphanedAt: string | number | null;
};

function toAnnotation(row: TAnnotationRow): TStoredAnnotation {
  return {
    ...row,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
    deletedAt: row.deletedAt === null ? null : new Date(row.deletedAt),
    orphanedAt: row.orphanedAt === null ? null : new Date(row.orphanedAt),
  };
}

function makeWriter(connection: Database.Database, now: () => Date) {
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    let s = prepared.get(sql);
    if (!s) prepared.set(sql, (s = connection.prepare(sql)));
    return s;
  };
  // No id is empty, so "" excepts nothing.
  const tagRangesBetween = (q: TTagRangesQuery) =>
    statement(WRITER_SQL.tagRangesBetween).all({ ...q, exceptId: q.exceptId ?? "" }) as { start: number; end: number }[];
  return {
    /**
     * The team's article with the W3C TextQuoteSelector of [start, end) (`context` code points each side), its score
     * state, the author's annotation with this key and the tag's ranges in the query's window. Nothing else writes while this process holds
     * the write transaction, so the article needs no lock of its own.
     */
    createContext(q: TCreateContextQuery): TCreateContext | null {
      const { articleId, teamId, start, end, context } = q;
      const article = statement(WRITER_SQL.teamArticleQuote).get({ articleId, teamId, start, end, context }) as TArticleQuote | undefined;
      if (!article) return null;
      const score = statement(WRITER_SQL.articleScoreState).get(articleId) as TArticleScoreState;
      const row = statement(WRITER_SQL.annotationByKey).get(articleId, q.authorId, start, end, q.tag) as TAnnotationRow | undefined;
      const nearbyRanges = tagRangesBetween({ articleId, tag: q.tag, ...q.window });
      return { article, score, existing: row ? toAnnotation(row) : null, nearbyRanges };
    },
    tagRangesBetween,
    insertAnnotation(input: TNewAnnotation): TStoredAnnotation {
      const row = statement(WRITER_SQL.insertAnnotation).get({ ...input, createdAt: storedTimestamp(now()) });
      return toAnnotation(row as TAnnotationRow);
    },
    /** Its reviews first: the count goes into the purge's audit event. */
    purgeAnnotation(id: string): number {
      const { changes } = statement(WRITER_SQL.purgeReviews).run(id);
      statement(WRITER_SQL.purgeAnnotation).run(id);
      return changes;
    },
    insertAuditEvent(event: TNewAuditEvent): void {
      statement(WRITER_SQL.insertAuditEvent).run({ ...event, createdAt: storedTimestamp(now()) });
    },
    updateScoreCache(articleId: string, cache: TScoreCache): void {
      statement(WRITER_SQL.updateScoreCache).run({ ...cache, id: articleId, updatedAt: storedTimestamp(now()) });
    },
    sessionUser(userId: string, sessionId: string): TSessionUserRow | null {
      return (statement(WRITER_SQL.sessionUser).get({ userId, sessionId }) as TSessionUserRow | undefined) ?? null;
    },
  };
}

/** What a synchronous write transaction can do; every call runs inside the transaction. */
export type TWriter = ReturnType<typeof makeWriter>;

type TOpenWriter = { url: string; connection: Database.Database; writer: TWriter; checkpointer: TCheckpointer | null };
const globalForWriter = globalThis as unknown as { __sqliteWriter?: TOpenWriter };

/** The process's synchronous connection and its prepared statements, opened on first use. */
export function openWriter(): TOpenWriter {
  const url = databaseUrl();
  const open = globalForWriter.__sqliteWriter;
  if (open?.url === url && open.connection.open) return open;
  if (open) closeOpenWriter(open);
  const file = sqliteFileFromUrl(url);
  const connection = new Database(file, { fileMustExist: true });
  applyConnectionPragmas(connection);
  // Never wait on the lock synchronously (that would stall every request in this process): retryWhileBusy waits.
  connection.pragma("busy_timeout = 0");
  // Checkpoints run on a worker thread (wal-checkpointer.ts); this connection checkpoints only as a backstop,
  // and again at SQLite's default pace if the worker cannot run.
  connection.pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT_PAGES}`);
  const checkpointer = startWalCheckpointer(file, (error) => {
    console.error("Background WAL checkpoints stopped; the writer checkpoints on its own again.", error);
    if (connection.open) connection.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES}`);
  });
  const next = { url, connection, writer: makeWriter(connection, () => new Date()), checkpointer };
  globalForWriter.__sqliteWriter = next;
  return next;
}

export const isBusy = (error: unknown) => /^SQLITE_BUSY/.test(String((error as { code?: unknown })?.code ?? ""));

/** Retries `attempt` while another process holds SQLite's lock, with async backoff up to the busy timeout. */
export async function retryWhileBusy<T>(attempt: () => T | Promise<T>): Promise<T> {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= deadline) throw error;
      await sleep(Math.min(2 ** n, 50));
    }
  }
}

/** Closes the connection (tests that delete their database file; process shutdown). */
export function closeWriter(): void {
  const open = globalForWriter.__sqliteWriter;
  if (open) closeOpenWriter(open);
  globalForWriter.__sqliteWriter = undefined;
}

function closeOpenWriter(open: TOpenWriter): void {
  void open.checkpointer?.stop();
  if (open.connection.open) open.connection.close();
}

/** The writer connection's automatic checkpoint threshold, in pages (tests). */
export function writerAutocheckpointPages(): number {
  return openWriter().connection.pragma("wal_autocheckpoint", { simple: true }) as number;
}

/** Runs a background checkpoint now and reports it (tests); null when none is running. */
export async function checkpointWalNow() {
  return (await openWriter().checkpointer?.checkpointNow()) ?? null;
}
