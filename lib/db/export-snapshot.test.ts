import { beforeAll, describe, expect, it } from "vitest";
import { csvLines } from "@/lib/export/csv";
import { seedFixtures } from "@/test/helpers";
import { getDb } from "./client";
import { exportCellBatches } from "./export-cells";
import { openExportConnections, type TExportFilter } from "./export-query";

// An export is one point in time: rows, titles and annotators as they were when it began, however much is written
// while it streams. On SQLite the export's statement holds its read snapshot (WAL); on PostgreSQL its REPEATABLE
// READ transaction does, for the cursor and for the titles and annotators looked up batch by batch.

let fx: Awaited<ReturnType<typeof seedFixtures>>;
const articles: { id: string; title: string }[] = [];
const ROWS_PER_ARTICLE = 30;
const BATCH = 10;

beforeAll(async () => {
  fx = await seedFixtures();
  const db = getDb();
  const base = Date.UTC(2026, 0, 1);
  // The first article's rows come first in export order; the second's, by Cara, only after several batches, so its
  // title and its annotator are first looked up after the writes below.
  for (const [a, author] of [fx.users.ana, fx.users.cara].entries()) {
    const article = await db.article.create({
      data: { teamId: fx.teamId, title: `Snapshot ${a}`, body: "s".repeat(100), bodyHash: `snapshot-${a}`, bodyLength: 100 },
    });
    articles.push(article);
    await db.annotation.createMany({
      data: Array.from({ length: ROWS_PER_ARTICLE }, (_, i) => ({
        articleId: article.id,
        authorId: author.id,
        start: i,
        end: i + 2,
        quote: "ss",
        prefix: "",
        suffix: "",
        tag: "opinion",
        createdAt: new Date(base + a * 60_000 + i * 1000),
        updatedAt: new Date(base),
      })),
    });
  }
});

async function csvOf(batches: AsyncIterable<(string | number)[][]>): Promise<string> {
  let text = "";
  for await (const batch of batches) text += csvLines(batch, { raw: true });
  return text;
}

describe("an export while rows are written", () => {
  it("reads every row, title and annotator as they were when it began", async () => {
    const db = getDb();
    const filter: TExportFilter = { teamId: fx.teamId };
    const before = await csvOf(exportCellBatches(filter));
    const second = articles[1]!;

    const running = exportCellBatches(filter, { batchSize: BATCH });
    const first = await running.next();
    expect(first.done).toBe(false);
    let text = csvLines(first.value as (string | number)[][], { raw: true });

    // Written and committed after the export began: each would change what it yields.
    const unread = await db.annotation.findMany({ where: { articleId: second.id }, orderBy: { start: "asc" }, take: 3 });
    await db.annotation.delete({ where: { id: unread[0]!.id } });
    await db.annotation.update({ where: { id: unread[1]!.id }, data: { status: "accepted", agreeCount: 2, note: "changed" } });
    await db.annotation.create({
      data: { articleId: second.id, authorId: fx.users.ben.id, start: 50, end: 52, quote: "ss", prefix: "", suffix: "", tag: "opinion", createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 30)) },
    });
    await db.annotation.create({ data: { articleId: articles[0]!.id, authorId: fx.users.ben.id, start: 60, end: 62, quote: "ss", prefix: "", suffix: "", tag: "opinion" } });
    await db.article.update({ where: { id: second.id }, data: { title: "Renamed while exporting", outlet: "New outlet" } });
    await db.user.update({ where: { id: fx.users.cara.id }, data: { name: "Cara Renamed", email: "cara.renamed@example.com" } });

    text += await csvOf({ [Symbol.asyncIterator]: () => running });
    expect(text).toBe(before);
    expect(openExportConnections()).toBe(0);

    // The writes did happen: the next export sees all of them.
    const after = await csvOf(exportCellBatches(filter));
    expect(after).not.toBe(before);
    expect(after).toContain("Renamed while exporting");
    expect(after).toContain("Cara Renamed");
    expect(after).not.toContain(unread[0]!.id);
    expect(after.split("\r\n").length).toBe(before.split("\r\n").length + 1);
  });
});
