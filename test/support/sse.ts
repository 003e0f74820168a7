// Test-only: reads a server-sent event stream from a route handler's Response body, as a browser's EventSource would.

export type TSseEvent = { id: string | null; event: string; data: unknown };

/** Reads events from `response` one at a time; comments and the retry field are skipped. */
export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = "";
  /** Every raw block read so far, comments included. */
  readonly raw: string[] = [];

  constructor(response: Response) {
    if (!response.body) throw new Error("The response has no body.");
    this.reader = response.body.getReader();
  }

  /** The next block (up to a blank line), or null when the stream ends. */
  private async nextBlock(): Promise<string | null> {
    for (;;) {
      const end = this.buffer.indexOf("\n\n");
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        this.raw.push(block);
        return block;
      }
      const { value, done } = await this.reader.read();
      if (done) return null;
      this.buffer += this.decoder.decode(value, { stream: true });
    }
  }

  /** The next event, or null if the stream ends first; fails after `timeoutMs`. */
  async next(timeoutMs = 5000): Promise<TSseEvent | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`No event within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.nextEvent(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Events until one matches `wanted`, which is returned, along with those before it. */
  async until(wanted: (e: TSseEvent) => boolean, timeoutMs = 5000): Promise<{ match: TSseEvent; before: TSseEvent[] }> {
    const before: TSseEvent[] = [];
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const e = await this.next(Math.max(1, deadline - Date.now()));
      if (!e) throw new Error("The stream ended before the event came");
      if (wanted(e)) return { match: e, before };
      before.push(e);
    }
  }

  private async nextEvent(): Promise<TSseEvent | null> {
    for (;;) {
      const block = await this.nextBlock();
      if (block === null) return null;
      const fields = block.split("\n").filter((line) => line && !line.startsWith(":"));
      const value = (name: string) => fields.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? null;
      const data = value("data");
      if (data === null) continue;
      return { id: value("id"), event: value("event") ?? "message", data: JSON.parse(data) };
    }
  }

  async cancel(): Promise<void> {
    await this.reader.cancel();
  }
}
