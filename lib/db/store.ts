import type { TTag } from "@/lib/annotations/tags";
import type { Annotation, User } from "@/lib/generated/prisma/client";
import { databaseProvider } from "./url";

// What the domain code (lib/annotations, lib/reviews, lib/scoring, lib/audit, lib/auth) asks of the database on its
// hot paths, as async interfaces with one implementation per engine: sqlite-store.ts (prepared statements on a
// synchronous connection, group commit) and postgres-store.ts (Prisma). prisma-writer.ts serves both inside an
// ordinary Prisma transaction.

/** An annotation as the store reads and writes it: its tag under the API's name, which is also what raw SQL holds. */
export type TStoredAnnotation = Omit<Annotation, "tag"> & { tag: TTag };

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
export type TScoreStore = {
  lockArticleScore(articleId: string): Promise<void>;
  articleScoreState(articleId: string): Promise<TArticleScoreState | null>;
  /** The ranges that count towards one tag's consensus spans (metrics.md: rejected annotations do not). */
  articleTagRanges(articleId: string, tag: TTag): Promise<{ start: number; end: number }[]>;
  articleScoreInputs(articleId: string): Promise<TScoreInput[]>;
  updateScoreCache(articleId: string, cache: TScoreCache): Promise<void>;
};

/** The team's article and the W3C TextQuoteSelector of [start, end), cut by the database in code points. */
export type TArticleQuote = { id: string; bodyLength: number; exact: string; prefix: string; suffix: string };

/** Inside an annotation write: everything creating one annotation needs, in one transaction. */
export type TAnnotationWriter = TAnnotationPurger &
  TScoreStore & {
    /** Also takes the article's score lock (TScoreStore). */
    teamArticleQuote(q: { articleId: string; teamId: string; start: number; end: number; context: number }): Promise<TArticleQuote | null>;
    /** Deleted or not: the key stays taken until a deleted annotation is purged. */
    annotationByKey(key: Pick<TStoredAnnotation, "articleId" | "authorId" | "start" | "end" | "tag">): Promise<TStoredAnnotation | null>;
    insertAnnotation(input: TNewAnnotation): Promise<TStoredAnnotation>;
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
