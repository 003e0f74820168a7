import { beforeAll, describe, expect, it } from "vitest";
import { seedFixtures } from "@/test/helpers";
import { Tag } from "@/lib/generated/prisma/enums";
import { getDb } from "./client";
import { exportBatches, openExportConnections, type TExportRecord } from "./export-query";
import { exportSql } from "./export-sql";
import { postgresTimestampToIso } from "./postgres-export";
import { toIsoTimestamp } from "./sqlite-export";

let fx: Awaited<ReturnType<typeof seedFixtures>>;

beforeAll(async () => {
  fx = await seedFixtures();
  const article = fx.articles[0]!;
  const db = getDb();
  for (let i = 0; i < 5; i++) {
    await db.annotation.create({
      data: {
        articleId: article.id,
        authorId: i % 2 === 0 ? fx.users.ana.id : fx.users.ben.id,
        start: i,
        end: i + 3,
        quote: Array.from(article.body).slice(i, i + 3).join(""),
        prefix: "p",
        suffix: "s",
        tag: i === 4 ? Tag.opinion : Tag.official_statement,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 5 - i)),
      },
    });
  }
  await db.annotation.create({
    data: {
      articleId: fx.otherArticle.id,
      authorId: fx.users.olga.id,
      start: 0,
      end: 6,
      quote: "Secret",
      prefix: "",
      suffix: "",
      tag: "opinion",
    },
  });
});

async function collect(iterable: AsyncIterable<TExportRecord[]>): Promise<TExportRecord[][]> {
  const batches: TExportRecord[][] = [];
  for await (const batch of iterable) batches.push(batch);
  return batches;
}

describe("exportBatches", () => {
  it("yields the team's rows oldest first in batches of batchSize, timestamps as ISO 8601 UTC", async () => {
    const batches = await collect(exportBatches({ teamId: fx.teamId }, { batchSize: 2 }));
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1]);
    const rows = batches.flat();
    expect(rows.map((r) => r.start)).toEqual([4, 3, 2, 1, 0]);
    const first = rows[0]!;
    expect(first.createdAt).toBe("2026-01-01T00:00:01.000Z");
    expect(first).toMatchObject({
      articleTitle: fx.articles[0]!.title,
      annotatorEmail: "ana@example.com",
      annotatorName: "Ana Reviewer",
      tag: "opinion",
      end: 7,
      status: "pending",
      agreeCount: 0,
      prefix: "",
      suffix: "",
    });
    expect(openExportConnections()).toBe(0);
  });

  it("reads prefix and suffix only when asked", async () => {
    const [batch] = await collect(exportBatches({ teamId: fx.teamId }, { withContext: true }));
    expect(batch?.every((r) => r.prefix === "p" && r.suffix === "s")).toBe(true);
  });

  it("applies every filter, and always the team", async () => {
    const count = async (filter: Parameters<typeof exportBatches>[0]) => (await collect(exportBatches(filter))).flat().length;
    expect(await count({ teamId: fx.teamId, tag: "opinion" })).toBe(1);
    expect(await count({ teamId: fx.teamId, authorId: fx.users.ben.id })).toBe(2);
    expect(await count({ teamId: fx.teamId, articleId: fx.articles[0]!.id, status: "pending" })).toBe(5);
    expect(await count({ teamId: fx.teamId, storyId: fx.storyId })).toBe(5);
    expect(await count({ teamId: fx.teamId, status: "accepted" })).toBe(0);
    expect(await count({ teamId: fx.teamId, articleId: fx.otherArticle.id })).toBe(0);
    expect(await count({ teamId: fx.otherTeamId })).toBe(1);
  });

  it("binds every value as a parameter, never into the SQL text, in each database's placeholders", () => {
    const filter = { teamId: "t' OR 1=1 --", articleId: "a", storyId: "s", tag: "opinion", authorId: "u", status: "pending" } as const;
    for (const dialect of ["sqlite", "postgresql"] as const) {
      const { sql, params } = exportSql(filter, false, dialect);
      expect(sql).not.toContain("OR 1=1");
      expect(params).toEqual(["t' OR 1=1 --", "a", "s", "opinion", "u", "pending"]);
      const placeholders = sql.match(/\?|\$\d+/g);
      expect(placeholders).toEqual(dialect === "sqlite" ? Array(6).fill("?") : ["$1", "$2", "$3", "$4", "$5", "$6"]);
    }
  });

  it("opens the connection on the first read and closes it when the consumer stops early", async () => {
    const iterator = exportBatches({ teamId: fx.teamId }, { batchSize: 1 });
    expect(openExportConnections()).toBe(0);
    await iterator.next();
    expect(openExportConnections()).toBe(1);
    await iterator.return();
    expect(openExportConnections()).toBe(0);
    for await (const batch of exportBatches({ teamId: fx.teamId }, { batchSize: 1 })) {
      expect(batch).toHaveLength(1);
      break;
    }
    expect(openExportConnections()).toBe(0);
  });

  it("fails on a missing database file instead of creating one", async () => {
    await expect(exportBatches({ teamId: fx.teamId }, { file: "/nonexistent/dir/app.db" }).next()).rejects.toThrow();
    expect(openExportConnections()).toBe(0);
  });
});

describe("timestamps", () => {
  it("SQLite: turns Prisma's stored text and epoch milliseconds into what Date#toISOString gives", () => {
    for (const date of [new Date(0), new Date("2024-02-29T23:59:59.999Z"), new Date("2026-11-25T01:02:03.004Z")]) {
      const stored = date.toISOString().replace("Z", "+00:00");
      expect(toIsoTimestamp(stored)).toBe(date.toISOString());
      expect(toIsoTimestamp(date.getTime())).toBe(date.toISOString());
    }
    expect(toIsoTimestamp("2026-11-25T12:00:00+02:00")).toBe("2026-11-25T10:00:00.000Z");
    expect(toIsoTimestamp("2026-11-25T10:00:00Z")).toBe("2026-11-25T10:00:00.000Z");
  });

  it("PostgreSQL: turns TIMESTAMP text (UTC, no zone, trailing zeros dropped) into what Date#toISOString gives", () => {
    expect(postgresTimestampToIso("2026-11-25 10:00:00")).toBe("2026-11-25T10:00:00.000Z");
    expect(postgresTimestampToIso("2026-11-25 10:00:00.1")).toBe("2026-11-25T10:00:00.100Z");
    expect(postgresTimestampToIso("2026-11-25 10:00:00.12")).toBe("2026-11-25T10:00:00.120Z");
    expect(postgresTimestampToIso("1970-01-01 00:00:00.001")).toBe("1970-01-01T00:00:00.001Z");
    expect(postgresTimestampToIso("0999-12-31 23:59:59.999")).toBe(new Date(Date.UTC(999, 11, 31, 23, 59, 59, 999)).toISOString());
    expect(() => postgresTimestampToIso("10000-01-01 00:00:00")).toThrow(RangeError);
  });
});
