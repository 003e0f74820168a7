import { beforeAll, describe, expect, it } from "vitest";
import { csvLines, csvRows } from "@/lib/export/csv";
import { seedFixtures } from "@/test/helpers";
import { getDb } from "./client";
import { exportCellBatches } from "./export-cells";
import { exportBatches } from "./export-query";

// SQLite keeps DateTime in an untyped column, so a row written by hand (or by another tool) can hold a timestamp in
// forms Prisma never writes. The export still gives ISO 8601 UTC for each, the CSV cells and the records alike.

let fx: Awaited<ReturnType<typeof seedFixtures>>;

beforeAll(async () => {
  fx = await seedFixtures();
});

describe("the SQLite export", () => {
  it("turns every stored timestamp form into the ISO 8601 UTC text the API gives", async () => {
    const db = getDb();
    const article = await db.article.create({
      data: { teamId: fx.teamId, title: "Timestamps", body: "y".repeat(20), bodyHash: "csv-eq-timestamps", bodyLength: 20 },
    });
    const forms: unknown[] = [Date.UTC(2026, 10, 25, 9, 8, 7, 6), "2026-11-25T12:00:00+02:00", "2026-11-25T10:00:00Z", "2026-11-25T10:00:00.123+00:00"];
    for (const [i, form] of forms.entries()) {
      const a = await db.annotation.create({
        data: { articleId: article.id, authorId: fx.users.ben.id, start: i, end: i + 1, quote: "y", prefix: "", suffix: "", tag: "opinion" },
      });
      await db.$executeRawUnsafe(`UPDATE "Annotation" SET "createdAt" = ?, "updatedAt" = ? WHERE "id" = ?`, form, form, a.id);
    }
    const filter = { teamId: fx.teamId, articleId: article.id };
    let cells = "";
    for await (const batch of exportCellBatches(filter, { batchSize: 3 })) cells += csvLines(batch, { raw: false });
    let records = "";
    for await (const batch of exportBatches(filter)) records += csvRows(batch, { raw: false });
    expect(cells).toBe(records);
    for (const iso of ["2026-11-25T09:08:07.006Z", "2026-11-25T10:00:00.000Z", "2026-11-25T10:00:00.123Z"]) expect(cells).toContain(`,${iso},${iso}\r\n`);
  });
});
