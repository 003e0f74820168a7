// Part 3 of the multi-instance test: a change made through one instance reaches an event stream (GET /api/events)
// held open on the other, through the database's change feed.
import { createAnnotation, importArticles, type TSession } from "./api";
import type { TCheck } from "./consistency";

/** How long an announcement may take to cross over before it counts as lost. */
const LOST_AFTER_MS = 5000;

/** The stream as an EventSource reads it: when each annotation's event arrived. */
class EventStream {
  private readonly arrived = new Map<string, number>();
  private readonly waiting = new Map<string, () => void>();
  private readonly abort = new AbortController();

  static async open(session: TSession): Promise<EventStream> {
    const stream = new EventStream();
    const res = await fetch(`${session.baseURL}/api/events`, {
      headers: { cookie: session.cookie, accept: "text/event-stream" },
      signal: stream.abort.signal,
    });
    if (res.status !== 200 || !res.body) throw new Error(`GET /api/events answered ${res.status}`);
    // The server subscribes before it answers: from here on, nothing announced is missed.
    void stream.read(res.body.getReader());
    return stream;
  }

  private async read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const data = buffer.slice(0, end).split("\n").find((l) => l.startsWith("data: "));
          buffer = buffer.slice(end + 2);
          const id = data ? (JSON.parse(data.slice(6)) as { annotationId?: string }).annotationId : undefined;
          if (!id) continue;
          this.arrived.set(id, Date.now());
          this.waiting.get(id)?.();
        }
      }
    } catch {
      // Aborted by close().
    }
  }

  /** When the event for `annotationId` arrived, or null if it did not within LOST_AFTER_MS. */
  async arrival(annotationId: string): Promise<number | null> {
    if (!this.arrived.has(annotationId)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, LOST_AFTER_MS);
        this.waiting.set(annotationId, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiting.delete(annotationId);
    }
    return this.arrived.get(annotationId) ?? null;
  }

  close(): void {
    this.abort.abort();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/**
 * `rounds` annotations created one after another through `author`'s instance, each awaited on `listener`'s stream
 * on the other instance: every one must arrive. Reports the time from sending the create to the event's arrival.
 */
export async function liveAcrossInstances(author: TSession, listener: TSession, rounds = 20): Promise<TCheck> {
  const mismatches: string[] = [];
  const body = Array.from({ length: rounds }, (_, i) => `Sentence ${i + 1} of the live check, said an official.`).join(" ");
  const imported = await importArticles(author, [{ title: `Live check ${Date.now()}`, body: `${body} ${Date.now()}` }]);
  const articleId = imported.value?.created[0]?.id;
  if (!articleId) throw new Error(`POST /api/import/articles answered ${imported.status}`);
  const stream = await EventStream.open(listener);
  const latencies: number[] = [];
  try {
    for (let i = 0; i < rounds; i++) {
      const sent = Date.now();
      const created = await createAnnotation(author, articleId, { start: i * 10, end: i * 10 + 8, tag: "official-statement" });
      if (created.status !== 201 || !created.value) {
        mismatches.push(`create #${i + 1} answered ${created.status}`);
        continue;
      }
      const arrived = await stream.arrival(created.value.id);
      if (arrived === null) mismatches.push(`create #${i + 1} (${created.value.id}) never reached the other instance's stream`);
      else latencies.push(arrived - sent);
    }
  } finally {
    stream.close();
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  if (sorted.length) {
    console.log(
      `  live: ${sorted.length} creates through one instance heard on the other's event stream, from sending the create: ` +
        `median ${percentile(sorted, 50)} ms, p90 ${percentile(sorted, 90)} ms, max ${sorted[sorted.length - 1]} ms`,
    );
  }
  return { name: "a change made through one instance reaches an event stream on the other", checked: rounds, mismatches };
}
