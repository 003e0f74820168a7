import type { TChangeFeed, TChangeMessage, TFeedListener, TFeedSignal } from "./change-feed";

/**
 * The change feed inside one process (SQLite: one process serves everyone). Delivery is deferred to a later turn of
 * the event loop, so a publisher's request never runs its subscribers' stream writes, and a throwing subscriber is
 * logged without reaching the others or the publisher.
 */
export class MemoryFeed implements TChangeFeed {
  private readonly listeners = new Set<TFeedListener>();

  async publish(message: TChangeMessage): Promise<void> {
    this.deliver({ type: "change", message });
  }

  async subscribe(listener: TFeedListener): Promise<() => void> {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }

  /** Hands `signal` to every subscriber of this process. */
  deliver(signal: TFeedSignal): void {
    setImmediate(() => {
      for (const listener of [...this.listeners]) {
        try {
          listener(signal);
        } catch (error) {
          console.error("change feed: a subscriber failed", error);
        }
      }
    });
  }
}
