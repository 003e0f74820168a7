import { databaseUrl, providerOf } from "./url";

// The change feed: after a write commits, the app announces what changed (a kind and ids, never content) to every
// process that serves the team, whose open event streams pass it on (lib/live). Each engine has its own transport:
// memory-feed.ts in SQLite's one process, postgres-feed.ts (LISTEN/NOTIFY) across PostgreSQL's app instances.

/** What a write announces: the team it concerns, what kind of thing changed and which, and, if only some users may hear of it, who. */
export type TChangeMessage = {
  teamId: string;
  kind: string;
  articleId?: string;
  annotationId?: string;
  /** Deliver only to these users (a notification reaches its recipient only). */
  userIds?: string[];
};

/**
 * What a subscriber hears: a change, or `resync` when the feed may have missed changes (its connection dropped and
 * came back): then whatever the subscriber shows must be fetched again.
 */
export type TFeedSignal = { type: "change"; message: TChangeMessage } | { type: "resync" };

export type TFeedListener = (signal: TFeedSignal) => void;

export type TChangeFeed = {
  /** Announces a committed change; never throws (a lost announcement must not fail the write behind it). */
  publish(message: TChangeMessage): Promise<void>;
  /** Starts delivering to `listener`, once the feed can hear changes (or has failed to and keeps retrying); returns its unsubscribe. */
  subscribe(listener: TFeedListener): Promise<() => void>;
  /** Stops listening and closes any connection of its own. */
  close(): Promise<void>;
};

// One feed per process and database; on globalThis, as the database client is, so every route bundle and hot reload
// shares it.
const globalForFeed = globalThis as unknown as { __changeFeed?: { url: string; feed: Promise<TChangeFeed> } };

/** The process's change feed for DATABASE_URL's database. */
export function changeFeed(): Promise<TChangeFeed> {
  const url = databaseUrl();
  if (globalForFeed.__changeFeed?.url !== url) {
    const feed =
      providerOf(url) === "postgresql"
        ? import("./postgres-feed").then(({ PostgresFeed }) => new PostgresFeed(url) as TChangeFeed)
        : import("./memory-feed").then(({ MemoryFeed }) => new MemoryFeed() as TChangeFeed);
    globalForFeed.__changeFeed = { url, feed };
  }
  return globalForFeed.__changeFeed.feed;
}

/** Closes the process's feed (tests and scripts that switch databases or end). */
export async function closeChangeFeed(): Promise<void> {
  const open = globalForFeed.__changeFeed;
  globalForFeed.__changeFeed = undefined;
  await (await open?.feed)?.close();
}
