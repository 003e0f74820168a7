import pg from "pg";
import type { TChangeFeed, TChangeMessage, TFeedListener } from "./change-feed";
import { changePayloads, parseChangePayload } from "./change-payload";
import { postgresPool } from "./client";
import { MemoryFeed } from "./memory-feed";

/** The channel every app instance on the database listens to. */
export const CHANGE_CHANNEL = "sourcing_changes";
/** How the listening connection shows in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = "sourcing-change-feed";

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 10_000;

/**
 * The change feed across app instances on one PostgreSQL database. A change is announced with pg_notify through the
 * shared pool (a connection held for one short statement, after the write committed); each process hears every
 * instance's announcements on one connection of its own, outside the pool (a pooled connection would be handed to
 * other work and lose its LISTEN) but made from the same URL, opened on the first subscribe. When that connection drops it is opened again,
 * waiting longer after each failure, and subscribers get `resync`: announcements sent meanwhile were not heard.
 */
export class PostgresFeed implements TChangeFeed {
  private readonly local = new MemoryFeed();
  private current: pg.Client | null = null;
  private firstConnect: Promise<void> | null = null;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private missed = false;
  private closed = false;

  constructor(private readonly url: string) {}

  async publish(message: TChangeMessage): Promise<void> {
    try {
      for (const payload of changePayloads(message)) {
        await postgresPool().query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, payload]);
      }
    } catch (error) {
      console.error("change feed: a change could not be announced", error);
    }
  }

  async subscribe(listener: TFeedListener): Promise<() => void> {
    const unsubscribe = await this.local.subscribe(listener);
    this.firstConnect ??= this.connect();
    await this.firstConnect;
    return unsubscribe;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.current;
    this.current = null;
    await this.local.close();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, application_name: LISTENER_APPLICATION_NAME, keepAlive: true });
    this.current = client;
    client.on("notification", (n) => {
      const message = n.channel === CHANGE_CHANNEL ? parseChangePayload(n.payload) : null;
      if (message) this.local.deliver({ type: "change", message });
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      this.lost(client, error);
      return;
    }
    if (this.current !== client) return;
    this.retryMs = FIRST_RETRY_MS;
    if (this.missed) {
      this.missed = false;
      this.local.deliver({ type: "resync" });
    }
  }

  /** The listening connection failed or ended: try again later, and tell subscribers to catch up once it is back. */
  private lost(client: pg.Client, error: unknown): void {
    if (this.current !== client || this.closed) return;
    this.current = null;
    this.missed = true;
    client.end().catch(() => undefined);
    console.error(`change feed: listening connection lost, retrying in ${this.retryMs} ms:`, (error as Error).message ?? error);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryMs);
    // A process with nothing else to do need not stay up for this.
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }
}
