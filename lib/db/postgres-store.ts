import type pg from "pg";
import { MAX_BODY_CODE_POINTS } from "@/lib/articles/schemas";
import { postgresPool } from "./client";
import { KeyedTurns } from "./keyed-turns";
import type {
  TAnnotationWriter,
  TCreateContext,
  TCreateContextQuery,
  TSessionUserRow,
  TStore,
  TStoredAnnotation,
  TTagRangesQuery,
} from "./store";

// PostgreSQL through the `pg` pool that Prisma also uses. A create is a short conversation, so its cost is the number
// of round trips: two. The first message begins the transaction, locks the article's row (FOR UPDATE: two creates on
// one article take turns over the cache; creates on different articles do not wait for each other) and reads
// everything the create needs; the second holds its writes and the COMMIT. Reviews, deletes and imports lock the
// same row (locks.ts) through Prisma. Both messages use the simple-query protocol, which takes several statements
// but no parameters: every value in them is quoted by the driver (escapeLiteral) or is a checked number.

// TIMESTAMP(3) columns hold UTC wall time (as Prisma writes them). Read back AT TIME ZONE 'UTC' they arrive as
// instants, which pg turns into the right Date whatever the process's time zone.
const ANNOTATION_COLUMNS = `"id", "articleId", "authorId", "importedById", "start", "end", "quote", "prefix", "suffix",
  "tag", "note", "status", "agreeCount", "disagreeCount", "createdAt" AT TIME ZONE 'UTC' AS "createdAt",
  "updatedAt" AT TIME ZONE 'UTC' AS "updatedAt", "deletedAt" AT TIME ZONE 'UTC' AS "deletedAt", "deletedById",
  "orphanedAt" AT TIME ZONE 'UTC' AS "orphanedAt"`;

/** How long a create waits for its article's row lock before it fails, like Prisma's transactions elsewhere. */
const LOCK_TIMEOUT = "10s";

const PAST_ANY_BODY = MAX_BODY_CODE_POINTS + 1;

/**
 * The create's reads as one simple-query message: BEGIN, the article locked with its quote and score state, then
 * (each statement with a snapshot taken after the lock) the author's annotation with this key and the tag's
 * ranges in the query's window. The simple protocol has no parameters, so values are quoted by the driver's escapeLiteral and offsets
 * must be integers; no text the user typed is in it.
 */
function createContextSql(client: pg.PoolClient, q: TCreateContextQuery): string {
  for (const n of [q.start, q.end, q.context, q.window.from, q.window.to]) {
    if (!Number.isSafeInteger(n)) throw new TypeError(`Not an integer offset: ${n}`);
  }
  const lit = (s: string) => client.escapeLiteral(s);
  const [articleId, authorId, tag] = [lit(q.articleId), lit(q.authorId), lit(q.tag)];
  // substr takes 32-bit integers. Past the longest body every offset cuts the same empty text, and the caller
  // refuses an end past the article's length, so offsets beyond it are cut as if at it.
  const [start, end] = [Math.min(q.start, PAST_ANY_BODY), Math.min(q.end, PAST_ANY_BODY)];
  // substr counts characters, which in a UTF-8 database are code points, the API's offsets.
  return `BEGIN;
    SET LOCAL lock_timeout = '${LOCK_TIMEOUT}';
    SET LOCAL synchronous_commit = off;
    SELECT a."id", a."bodyLength",
           substr(a."body", ${start} + 1, ${end} - ${start}) AS "exact",
           substr(a."body", greatest(${start} - ${q.context}, 0) + 1, ${start} - greatest(${start} - ${q.context}, 0)) AS "prefix",
           substr(a."body", ${end} + 1, ${q.context}) AS "suffix",
           t."weightOfficialStatement", t."weightAnonymousSource", t."weightOpinion",
           a."annotationCount", a."consensusOfficial", a."consensusAnonymous", a."consensusOpinion"
      FROM "Article" a JOIN "Team" t ON t."id" = a."teamId"
     WHERE a."id" = ${articleId} AND a."teamId" = ${lit(q.teamId)}
       FOR UPDATE OF a;
    SELECT ${ANNOTATION_COLUMNS} FROM "Annotation"
     WHERE "articleId" = ${articleId} AND "authorId" = ${authorId} AND "start" = ${q.start} AND "end" = ${q.end} AND "tag" = ${tag};
    SELECT "start", "end" FROM "Annotation"
     WHERE "articleId" = ${articleId} AND "start" BETWEEN ${q.window.from} AND ${q.window.to} AND "tag" = ${tag}
       AND "status" <> 'rejected' AND "deletedAt" IS NULL`;
}

// One tag's counted ranges by start (TTagRangesQuery), through the (articleId, start, …) index. No id is empty, so
// "" excepts nothing.
const TAG_RANGES_BETWEEN = {
  name: "sourcing-tag-ranges-between",
  text: `SELECT "start", "end" FROM "Annotation"
          WHERE "articleId" = $1 AND "start" BETWEEN $2 AND $3 AND "tag" = $4::"Tag" AND "status" <> 'rejected'
            AND "deletedAt" IS NULL AND "id" <> $5`,
};

async function tagRangesBetween(client: pg.ClientBase, q: TTagRangesQuery): Promise<{ start: number; end: number }[]> {
  const values = [q.articleId, q.from, q.to, q.tag, q.exceptId ?? ""];
  return (await client.query<{ start: number; end: number }>({ ...TAG_RANGES_BETWEEN, values })).rows;
}

type TRow = Record<string, unknown>;

function toContext(results: pg.QueryResult[]): TCreateContext | null {
  const [, , , articleResult, existingResult, rangesResult] = results;
  const row = articleResult?.rows[0] as TRow | undefined;
  if (!row) return null;
  const num = (key: string) => Number(row[key]);
  return {
    article: { id: String(row.id), bodyLength: num("bodyLength"), exact: String(row.exact), prefix: String(row.prefix), suffix: String(row.suffix) },
    score: {
      weightOfficialStatement: num("weightOfficialStatement"),
      weightAnonymousSource: num("weightAnonymousSource"),
      weightOpinion: num("weightOpinion"),
      annotationCount: num("annotationCount"),
      consensusOfficial: num("consensusOfficial"),
      consensusAnonymous: num("consensusAnonymous"),
      consensusOpinion: num("consensusOpinion"),
    },
    existing: (existingResult?.rows[0] as TStoredAnnotation | undefined) ?? null,
    nearbyRanges: (rangesResult?.rows ?? []) as { start: number; end: number }[],
  };
}

/** A value as SQL text for the simple-query protocol: strings quoted by the driver, numbers only when finite. */
function sqlValue(client: pg.PoolClient, value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`Not a finite number: ${value}`);
    return String(value);
  }
  return client.escapeLiteral(value);
}

function insertSql(client: pg.PoolClient, table: string, row: Record<string, string | number | null>): string {
  const columns = Object.keys(row).map((c) => `"${c}"`).join(", ");
  const values = Object.values(row).map((v) => sqlValue(client, v)).join(", ");
  return `INSERT INTO "${table}" (${columns}) VALUES (${values})`;
}

/**
 * Makes the transaction just committed asynchronously durable before the answer: a transaction that holds a
 * transaction id commits with a WAL record, and with synchronous_commit on its COMMIT waits until the WAL is flushed
 * through that record, so through every record before it, the create's COMMIT included. The create commits with
 * synchronous_commit off so that its article's row lock is released as soon as the commit is recorded, not after
 * the disk flush: creates queued on one article take turns without one fsync each, and concurrent flushes are
 * merged by PostgreSQL's group flush. Until the flush, other sessions may already read the create; a crash then
 * loses it together with everything committed after it (WAL replays in order), and it was never acknowledged.
 */
const FLUSH_WAL = "BEGIN; SELECT pg_current_xact_id(); COMMIT";

/** Creates on one article in this process take turns before they ask PostgreSQL for the article's row lock. */
const articleTurns = new KeyedTurns();

async function annotationWrite<T>(work: (writer: TAnnotationWriter) => Promise<T>): Promise<T> {
  // Connected when the create names its article and its turn comes: a create waiting for its turn holds no pooled
  // connection, and only one per article and process waits for the row lock (waiters of a row lock are all woken
  // at each commit, so a crowd of them costs the database CPU on every create).
  const held: { client: pg.PoolClient | null; endTurn: (() => void) | null } = { client: null, endTurn: null };
  const connected = (): pg.PoolClient => {
    if (!held.client) throw new Error("The create's context is read first.");
    return held.client;
  };
  // Held until the work is done, then sent with the COMMIT as one message: a write's result is what it was given.
  // (A purge goes at once; see purgeAnnotation.)
  const writes: string[] = [];
  let began = false;
  // Timestamps go in as UTC text, which a TIMESTAMP column stores as it is (as Prisma writes them).
  const now = new Date();
  const stamp = now.toISOString();
  const writer: TAnnotationWriter = {
    async createContext(q) {
      held.endTurn = await articleTurns.enter(q.articleId);
      const client = (held.client = await postgresPool().connect());
      const sql = createContextSql(client, q);
      began = true;
      return toContext((await client.query(sql)) as unknown as pg.QueryResult[]);
    },
    async insertAnnotation(input) {
      writes.push(insertSql(connected(), "Annotation", { ...input, createdAt: stamp, updatedAt: stamp }));
      return { ...input, importedById: null, status: "pending", agreeCount: 0, disagreeCount: 0, createdAt: now, updatedAt: now, deletedAt: null, deletedById: null, orphanedAt: null };
    },
    // Rare (a group reaching past the window read with the context): a round trip of its own.
    tagRangesBetween: (q) => tagRangesBetween(connected(), q),
    // Rare (a span re-created after its annotation was deleted), so sent at once: the held insert needs its key.
    async purgeAnnotation(id) {
      const literal = sqlValue(connected(), id);
      const [reviews] = (await connected().query(
        `DELETE FROM "Review" WHERE "annotationId" = ${literal}; DELETE FROM "Annotation" WHERE "id" = ${literal}`,
      )) as unknown as pg.QueryResult[];
      return reviews?.rowCount ?? 0;
    },
    async insertAuditEvent(event) {
      writes.push(insertSql(connected(), "AuditEvent", { ...event, createdAt: stamp }));
    },
    async updateScoreCache(articleId, cache) {
      const set = Object.entries({ ...cache, updatedAt: stamp }).map(([c, v]) => `"${c}" = ${sqlValue(connected(), v)}`);
      writes.push(`UPDATE "Article" SET ${set.join(", ")} WHERE "id" = ${sqlValue(connected(), articleId)}`);
    },
  };
  let broken: Error | undefined;
  try {
    const result = await work(writer);
    const client = held.client;
    if (!client) return result;
    // A statement that fails skips the rest of the message, COMMIT included; the catch below rolls back.
    await client.query([...writes, "COMMIT"].join(";\n"));
    began = false;
    // The row lock is released: so is the turn, before the flush that makes this create durable.
    held.endTurn?.();
    await client.query(FLUSH_WAL).catch((flushError: Error) => {
      // Committed but not known to be on disk: not acknowledged, and the connection (maybe mid-transaction) dropped.
      broken = flushError;
      throw flushError;
    });
    return result;
  } catch (error) {
    if (began && held.client) {
      await held.client.query("ROLLBACK").catch((rollbackError: Error) => {
        // A connection that cannot roll back is not returned to the pool.
        broken = rollbackError;
      });
    }
    throw error;
  } finally {
    held.endTurn?.();
    held.client?.release(broken);
  }
}

// The session's row comes with the user in the same statement: a token whose row is missing has no expiry here.
const SESSION_USER = {
  name: "sourcing-session-user",
  text: `SELECT u."id", u."email", u."name", u."role", u."teamId", u."sessionVersion", t."name" AS "teamName",
                s."expiresAt" AT TIME ZONE 'UTC' AS "sessionExpiresAt", s."revokedAt" AT TIME ZONE 'UTC' AS "sessionRevokedAt"
           FROM "User" u JOIN "Team" t ON t."id" = u."teamId"
           LEFT JOIN "Session" s ON s."id" = $2 AND s."userId" = u."id"
          WHERE u."id" = $1`,
};

export const postgresStore: TStore = {
  annotationWrite,

  async sessionUser(userId, sessionId) {
    const { rows } = await postgresPool().query<TSessionUserRow>({ ...SESSION_USER, values: [userId, sessionId] });
    return rows[0] ?? null;
  },
};
