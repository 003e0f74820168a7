import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import * as csvRoute from "@/app/api/export/annotations.csv/route";
import { getDb } from "@/lib/db/client";
import { EXPORT_BATCH_SIZE, openExportConnections } from "@/lib/db/export-query";
import { makeRequest, seedFixtures } from "./helpers";
import { placeholders } from "./support/raw-sql";

// Exports 10,000 and 100,000 annotations through the real route and shows that memory does not grow with the
// row count: the CSV is streamed batch by batch from the database, never built in memory. No timing assertions.

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

let fx: Awaited<ReturnType<typeof seedFixtures>>;
const articles: Record<"small" | "large", string> = { small: "", large: "" };
const ROWS = { small: 10_000, large: 100_000 } as const;
const QUOTE_LENGTH = 80;

async function fill(title: string, rows: number): Promise<string> {
  const db = getDb();
  const sentence = "Officials, speaking on condition of anonymity, said \"the deal\" was off; 😀 ";
  const body = sentence.repeat(Math.ceil((rows + QUOTE_LENGTH + 10) / sentence.length));
  const article = await db.article.create({
    data: { teamId: fx.teamId, title, body, bodyHash: `memory-test-${title}`, bodyLength: Array.from(body).length },
  });
  // One INSERT ... SELECT over a recursive CTE: Prisma's createMany takes ~40 s for this many rows.
  // substr() counts characters (code points), so every quote is the body's text at its offsets; the body repeats one
  // sentence, so the quote at any offset is cut from three sentences at that offset modulo the sentence's length
  // (cutting from the whole body costs a scan of it per row on PostgreSQL). The casts and the Date let each database
  // type the parameters the same way.
  const at = new Date("2026-11-25T10:00:00.000Z");
  await db.$executeRawUnsafe(
    placeholders(`INSERT INTO "Annotation" ("id", "articleId", "authorId", "start", "end", "quote", "prefix", "suffix", "tag", "note",
                               "status", "agreeCount", "disagreeCount", "createdAt", "updatedAt")
     WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < CAST(? AS INTEGER))
     SELECT CAST(? AS TEXT) || '-' || i, CAST(? AS TEXT), CASE i % 2 WHEN 0 THEN CAST(? AS TEXT) ELSE CAST(? AS TEXT) END,
            i / 2, i / 2 + CAST(? AS INTEGER), substr(CAST(? AS TEXT), (i / 2) % CAST(? AS INTEGER) + 1, CAST(? AS INTEGER)), '', '',
            'anonymous-source', CASE i % 7 WHEN 0 THEN '=HYPERLINK("x", "note ' || i || '"), with "quotes"' ELSE '' END,
            'pending', 0, 0, ?, ?
       FROM n`),
    rows,
    article.id,
    article.id,
    fx.users.ana.id,
    fx.users.ben.id,
    QUOTE_LENGTH,
    sentence.repeat(3),
    Array.from(sentence).length,
    QUOTE_LENGTH,
    at,
    at,
  );
  return article.id;
}

type TMeasure = {
  rows: number;
  chunks: number;
  maxChunkRows: number;
  bytes: number;
  /** Most memory still reachable (after a full GC) while the export was being read. */
  peakRetained: number;
  /** Most heap in use, garbage included, between GCs. */
  peakInUse: number;
  peakRssGrowth: number;
};

/** JavaScript heap plus ArrayBuffer memory (encoded chunks live outside the heap). */
function used(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/**
 * Reads the export chunk by chunk, sampling memory at every chunk and after a full GC every few chunks.
 * `keep` holds on to every chunk, as a buffering implementation would: the control that shows the measure works.
 */
async function measure(articleId: string, keep = false): Promise<TMeasure> {
  const req = await makeRequest("GET", `/api/export/annotations.csv?articleId=${articleId}&raw=1`, { user: fx.users.ana });
  gc();
  const base = used();
  const baseRss = process.memoryUsage().rss;
  const res = await csvRoute.GET(req, { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const kept: Uint8Array[] = [];
  let chunks = 0;
  let bytes = 0;
  let rows = -1; // the header line
  let maxChunkRows = 0;
  let peakRetained = 0;
  let peakInUse = 0;
  let peakRss = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks++;
    bytes += value.byteLength;
    if (keep) kept.push(value);
    // Every record ends in CRLF and no field here holds a line break, so CRLFs count records.
    let records = 0;
    for (let i = 1; i < value.length; i++) if (value[i] === 10 && value[i - 1] === 13) records++;
    rows += records;
    maxChunkRows = Math.max(maxChunkRows, records);
    peakInUse = Math.max(peakInUse, used() - base);
    if (chunks % 3 === 0) {
      gc();
      peakRetained = Math.max(peakRetained, used() - base);
      peakRss = Math.max(peakRss, process.memoryUsage().rss - baseRss);
    }
  }
  gc();
  peakRetained = Math.max(peakRetained, used() - base);
  expect(kept.length).toBe(keep ? chunks : 0);
  return { rows, chunks, maxChunkRows, bytes, peakRetained, peakInUse, peakRssGrowth: peakRss };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

beforeAll(async () => {
  fx = await seedFixtures();
  articles.small = await fill("Ten thousand", ROWS.small);
  articles.large = await fill("A hundred thousand", ROWS.large);
}, 180_000);

describe("CSV export memory", () => {
  it("stays flat from 10,000 to 100,000 rows: bounded chunks, heap growth independent of the row count", async () => {
    const small = await measure(articles.small);
    const large = await measure(articles.large);
    const buffered = await measure(articles.large, true);
    for (const [name, m] of [["10k", small], ["100k", large], ["100k, chunks kept (control)", buffered]] as const) {
      console.log(
        `export ${name}: ${m.rows} rows, ${mb(m.bytes)} of CSV in ${m.chunks} chunks (<= ${m.maxChunkRows} rows each); ` +
          `peak retained ${mb(m.peakRetained)}, peak in use ${mb(m.peakInUse)}, peak RSS growth ${mb(m.peakRssGrowth)}`,
      );
    }
    expect(small.rows).toBe(ROWS.small);
    expect(large.rows).toBe(ROWS.large);
    // Streamed in batches: one chunk for the header, then one per batch of at most EXPORT_BATCH_SIZE rows.
    expect(large.maxChunkRows).toBeLessThanOrEqual(EXPORT_BATCH_SIZE);
    expect(large.chunks).toBe(1 + Math.ceil(ROWS.large / EXPORT_BATCH_SIZE));
    // The 100k file is ~10x the 10k one, but the memory held while sending it is not.
    expect(large.bytes).toBeGreaterThan(9 * small.bytes);
    expect(large.peakRetained).toBeLessThan(small.peakRetained + 8 * 1024 * 1024);
    expect(large.peakRetained).toBeLessThan(large.bytes / 4);
    // The control: holding the chunks, as a buffered export must, shows up in the same measure.
    expect(buffered.peakRetained).toBeGreaterThan(large.bytes * 0.9);
  }, 180_000);

  it("reads the database only as fast as the client reads, and lets go when the client goes away", async () => {
    const req = await makeRequest("GET", `/api/export/annotations.csv?articleId=${articles.large}`, { user: fx.users.ana });
    const res = await csvRoute.GET(req, { params: Promise.resolve({}) });
    const reader = res.body!.getReader();
    expect(openExportConnections()).toBe(0); // nothing is read before the client asks
    await reader.read(); // the header
    await reader.read(); // the first batch
    expect(openExportConnections()).toBe(1);
    await reader.cancel("client went away");
    expect(openExportConnections()).toBe(0);
    // Read to the end, the connection closes by itself.
    const all = await csvRoute.GET(await makeRequest("GET", "/api/export/annotations.csv", { user: fx.users.ana }), {
      params: Promise.resolve({}),
    });
    const text = await new Response(all.body).text();
    expect(text.split("\r\n").length - 2).toBe(ROWS.small + ROWS.large);
    expect(openExportConnections()).toBe(0);
  }, 60_000);
});
