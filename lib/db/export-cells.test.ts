import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { csvLines, csvRows } from "@/lib/export/csv";
import { seedFixtures } from "@/test/helpers";
import { getDb } from "./client";
import { exportCellBatches } from "./export-cells";
import { exportBatches, openExportConnections, type TExportFilter } from "./export-query";

// The CSV route reads cells straight from the query's rows (exportCellBatches); the records of exportBatches,
// through rowToCells, are the reference. Both are run over the same rows, raw and spreadsheet-safe.

let fx: Awaited<ReturnType<typeof seedFixtures>>;

beforeAll(async () => {
  fx = await seedFixtures();
});

async function cellsCsv(filter: TExportFilter, raw: boolean, batchSize = 3): Promise<string> {
  let text = "";
  for await (const batch of exportCellBatches(filter, { batchSize })) text += csvLines(batch, { raw });
  return text;
}

async function referenceCsv(filter: TExportFilter, raw: boolean): Promise<string> {
  let text = "";
  for await (const batch of exportBatches(filter)) text += csvRows(batch, { raw });
  return text;
}

const awkward = fc.constantFrom(",", '"', "\r", "\n", "\r\n", "\uFEFF", " ", "'", "=", "+", "-", "@", "\t", "é", "😀", "a", "1");
const cellText = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 8 }), fc.array(awkward, { maxLength: 8 }).map((a) => a.join("")));

describe("exportCellBatches", () => {
  it("writes exactly what csvRows writes for the same rows, raw and spreadsheet-safe", async () => {
    const db = getDb();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ title: cellText, outlet: fc.option(cellText), annotations: fc.array(fc.record({ quote: cellText, note: cellText }), { minLength: 1, maxLength: 4 }) }),
        async ({ title, outlet, annotations }) => {
          n++;
          const article = await db.article.create({
            data: { teamId: fx.teamId, title, outlet, body: "x".repeat(50), bodyHash: `csv-eq-${n}-${Math.random()}`, bodyLength: 50 },
          });
          await db.annotation.createMany({
            data: annotations.map((a, i) => ({ articleId: article.id, authorId: fx.users.ana.id, start: i, end: i + 1, quote: a.quote, prefix: "", suffix: "", tag: "opinion", note: a.note })),
          });
          const filter = { teamId: fx.teamId, articleId: article.id };
          for (const raw of [false, true]) expect(await cellsCsv(filter, raw)).toBe(await referenceCsv(filter, raw));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("writes every timestamp as the ISO 8601 UTC text the API gives, whatever its milliseconds", async () => {
    const db = getDb();
    const article = await db.article.create({
      data: { teamId: fx.teamId, title: "Timestamps", body: "y".repeat(20), bodyHash: "csv-eq-timestamps", bodyLength: 20 },
    });
    // PostgreSQL prints a TIMESTAMP without its trailing zeros ("10:00:00.12"); SQLite stores all three digits.
    const isos = ["2026-11-25T10:00:00.000Z", "2026-11-25T10:00:00.100Z", "2026-11-25T10:00:00.120Z", "2026-11-25T09:08:07.006Z", "1970-01-01T00:00:00.000Z"];
    for (const [i, iso] of isos.entries()) {
      await db.annotation.create({
        data: { articleId: article.id, authorId: fx.users.ben.id, start: i, end: i + 1, quote: "y", prefix: "", suffix: "", tag: "opinion", createdAt: new Date(iso), updatedAt: new Date(iso) },
      });
    }
    const filter = { teamId: fx.teamId, articleId: article.id };
    const csv = await cellsCsv(filter, false);
    expect(csv).toBe(await referenceCsv(filter, false));
    for (const iso of isos) expect(csv).toContain(`,${iso},${iso}\r\n`);
  });

  it("team-wide: the same bytes as the reference, and the connection closed after", async () => {
    const filter = { teamId: fx.teamId };
    const csv = await cellsCsv(filter, false, 2000);
    expect(csv).toBe(await referenceCsv(filter, false));
    expect(openExportConnections()).toBe(0);
  });

  it("closes its connection when the consumer stops early", async () => {
    const chunks = exportCellBatches({ teamId: fx.teamId }, { batchSize: 1 });
    await chunks.next();
    expect(openExportConnections()).toBe(1);
    await chunks.return(undefined);
    expect(openExportConnections()).toBe(0);
  });
});
