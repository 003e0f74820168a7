import type { TTag } from "@/lib/annotations/tags";
import type { Annotation, User } from "@/lib/generated/prisma/client";
import { databaseProvider } from "./url";

// What the domain code (lib/annotations, lib/reviews, lib/scoring, lib/audit, lib/auth) asks of the database on its
// hot paths, as async interfaces with one implementation per engine: sqlite-store.ts (prepared statements on a
// synchronous connection, group commit) and postgres-store.ts (Prisma). prisma-writer.ts serves both inside an
// ordinary Prisma transaction.

/** An annotation as the store reads and writes it: its tag under the API's name, which is also what raw SQL holds. */
// The thread's state is the discussion's business, never read or written by the create path.
export type TStoredAnnotation = Omit<Annotation, "tag" | "threadResolvedAt" | "threadResolvedById"> & { tag: TTag };

export type TNewAnnotation = Pick<
  TStoredAnnotation,
  "id" | "articleId" | "authorId" | "start" | "end" | "quote" | "prefix" | "suffix" | "tag" | "note"
>;

export type TNewAuditEvent = {
  id: string;
  teamId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
};

export type TScoreCache = {
  annotationCount: number;
  score: number | null;
  consensusOfficial: number;
  consensusAnonymous: number;
  consensusOpinion: number;
};

/** The team's weights and the article's cached counts. */
export type TArticleScoreState = {
  weightOfficialStatement: number;
  weightAnonymousSource: number;
  weightOpinion: number;
  annotationCount: number;
  consensusOfficial: number;
  consensusAnonymous: number;
  consensusOpinion: number;
};

export type TScoreInput = Pick<TStoredAnnotation, "id" | "start" | "end" | "tag" | "status">;

/**
 * One tag's ranges that count towards its consensus spans (metrics.md: not rejected, not deleted) starting in
 * [from, to], other than `exceptId`'s: read through the index on (articleId, start).
 */
export type TTagRangesQuery = { articleId: string; tag: TTag; from: number; to: number; exceptId?: string };

/** Reads ranges near a changed annotation (consensus-delta.ts). */
export type TTagRangeReader = {
  tagRangesBetween(q: TTagRangesQuery): Promise<{ start: number; end: number }[]>;
};

/** One writer of audit events, whatever transaction it runs in. */
export type TAuditWriter = {
  insertAuditEvent(event: TNewAuditEvent): Promise<void>;
};

/** Removes a (deleted) annotation and its reviews for good; answers how many reviews went with it. */
export type TAnnotationPurger = TAuditWriter & {
  purgeAnnotation(id: string): Promise<number>;
};

/**
 * What the score refresher reads and writes. `lockArticleScore` comes first: from then until the transaction ends,
 * no other transaction (in this process or another) can change the article's annotations' statuses or its cache,
 * so a cache computed from what this transaction reads is exact when it commits.
 */
export type TScoreStore = TTagRangeReader & {
  lockArticleScore(articleId: string): Promise<void>;
  articleScoreState(articleId: string): Promise<TArticleScoreState | null>;
  articleScoreInputs(articleId: string): Promise<TScoreInput[]>;
  updateScoreCache(articleId: string, cache: TScoreCache): Promise<void>;
};

/** The team's article and the W3C TextQuoteSelector of [start, end), cut by the database in code points. */
export type TArticleQuote = { id: string; bodyLength: number; exact: string; prefix: string; suffix: string };

export type TCreateKey = Pick<TStoredAnnotation, "articleId" | "authorId" | "start" | "end" | "tag">;

/** Everything creating one annotation reads, all of it read after the article's score lock was taken. */
export type TCreateContext = {
  article: TArticleQuote;
  score: TArticleScoreState;
  /** The author's annotation with the same span and tag, deleted or not: the key stays taken until a deleted one is purged. */
  existing: TStoredAnnotation | null;
  /** The tag's ranges that count towards its consensus spans and start in the query's `window` (TTagRangesQuery). */
  nearbyRanges: { start: number; end: number }[];
};

export type TCreateContextQuery = TCreateKey & { teamId: string; context: number; window: { from: number; to: number } };

/**
 * Inside an annotation write: everything creating one annotation needs, in one transaction. `createContext` comes
 * first: it takes the article's score lock (TScoreStore), so nothing changes the article's annotations or cache
 * until the transaction ends. The writes may be sent together when the work is done (a write's result is what it
 * was given), so the work must not read after writing.
 */
export type TAnnotationWriter = TAnnotationPurger & TTagRangeReader & {
  createContext(q: TCreateContextQuery): Promise<TCreateContext | null>;
  insertAnnotation(input: TNewAnnotation): Promise<TStoredAnnotation>;
  updateScoreCache(articleId: string, cache: TScoreCache): Promise<void>;
};

export type TSessionUserRow = {
  id: string;
  email: string;
  name: string;
  role: User["role"];
  teamId: string;
  sessionVersion: number;
  teamName: string;
  /** Null when the token names no session of this user. */
  sessionExpiresAt: string | number | Date | null;
  sessionRevokedAt: string | number | Date | null;
};

export type TStore = {
  /**
   * Runs `work` in one transaction and resolves once it is committed (durably: see docs/deployment.md). `work` must
   * only await the writer's own calls and have no effects outside the database: it may be retried.
   */
  annotationWrite<T>(work: (writer: TAnnotationWriter) => Promise<T>): Promise<T>;
  /** The user, team and session row behind a session token, in one statement (it runs before every request). */
  sessionUser(userId: string, sessionId: string): Promise<TSessionUserRow | null>;
};

const loaded: Partial<Record<ReturnType<typeof databaseProvider>, TStore>> = {};

/**
 * The store of the database DATABASE_URL names. Each engine's module is loaded on first use only, so a process on one
 * database never loads the other's driver code; after that this is a lookup (it runs before every request).
 */
export async function store(): Promise<TStore> {
  const provider = databaseProvider();
  return (loaded[provider] ??=
    provider === "postgresql" ? (await import("./postgres-store")).postgresStore : (await import("./sqlite-store")).sqliteStore);
}
