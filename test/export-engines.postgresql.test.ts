// The export on PostgreSQL (lib/db/postgres-export.ts) against the SQLite one (lib/db/sqlite-export.ts): the same
// rows give the same bytes, whatever the process's time zone, and the export's own session on the server is gone
// once a download ends, fails, is cancelled or loses its connection. PostgreSQL run only (vitest.postgresql.config.mts).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as csvRoute from "@/app/api/export/annotations.csv/route";
import { dbTag } from "@/lib/annotations/tags";
import { getDb } from "@/lib/db/client";
import { exportCellBatches } from "@/lib/db/export-cells";
import { exportBatches, exportRowBatches, openExportConnections, type TExportFilter } from "@/lib/db/export-query";
import { recordShape } from "@/lib/db/export-sql";
import { migrateDatabase } from "@/lib/db/migrations";
import { EXPORT_APPLICATION_NAME } from "@/lib/db/postgres-export";
import { databaseProvider } from "@/lib/db/url";
import { csvStream } from "@/lib/export/csv";
import { jsonLdBatches } from "@/lib/export/export-annotations";
import { jsonLdStream } from "@/lib/export/jsonld-stream";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { HOSTILE } from "@/test/support/export-requests";
import { makeRequest, seedFixtures } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
let dir: string;
let sqliteFile: string;
const articleIds: string[] = [];
const BULK_ROWS = 2500;

const TEXTS = [
  ...HOSTILE.notes,
  ...HOSTILE.quotes,
  "",
  " ",
  "'",
  "\uFEFFbyte order mark first",
  "\u200B=after a zero-width space",
  "＝full-width equals",
  "a,b,,c",
  "trailing space ",
  "\\ backslash \\N",
  "𝔸𝔹ℂ astral",
];

/** The team's data with every awkward value an export carries: texts, null outlets, statuses, ties in time. */
async function seedAwkwardRows() {
  const db = getDb();
  const authors = [fx.users.ana, fx.users.ben, fx.users.cara, fx.users.admin];
  for (const [a, outlet] of [HOSTILE.outlet, null, "Plain outlet"].entries()) {
    const article = await db.article.create({
      data: { teamId: fx.teamId, title: `${HOSTILE.title} ${a}`, outlet, body: HOSTILE.body, bodyHash: `engines-${a}`, bodyLength: Array.from(HOSTILE.body).length, storyId: a === 0 ? fx.storyId : null },
    });
    articleIds.push(article.id);
  }
  const statuses = ["pending", "accepted", "rejected"] as const;
  const tags = ["anonymous-source", "official-statement", "opinion"] as const;
  // Milliseconds PostgreSQL prints shortened (".1", ".12") or not at all, and ties that only the id orders.
  const base = Date.UTC(2026, 10, 25, 10, 0, 0);
  const offsets = [0, 0, 100, 120, 123, 1000, 1000, 59_999, 86_400_000];
  await db.annotation.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      articleId: articleIds[i % articleIds.length]!,
      authorId: authors[i % authors.length]!.id,
      start: i,
      end: i + 1 + (i % 5),
      quote: TEXTS[i % TEXTS.length]!,
      prefix: TEXTS[(i + 1) % TEXTS.length]!,
      suffix: TEXTS[(i + 2) % TEXTS.length]!,
      note: TEXTS[(i + 3) % TEXTS.length]!,
      tag: dbTag(tags[i % tags.length]!),
      status: statuses[i % statuses.length]!,
      agreeCount: i % 4,
      disagreeCount: i % 3,
      createdAt: new Date(base + offsets[i % offsets.length]!),
      updatedAt: new Date(base + offsets[(i + 4) % offsets.length]! + i),
    })),
  });
  // More rows than one batch, so batch boundaries are compared too.
  await db.$executeRawUnsafe(
    `INSERT INTO "Annotation" ("id", "articleId", "authorId", "start", "end", "quote", "prefix", "suffix", "tag", "note",
                               "status", "agreeCount", "disagreeCount", "createdAt", "updatedAt")
     SELECT 'bulk-' || g, $1, $2, 1000 + g, 1001 + g, 'q' || g, '', '', 'opinion', '', 'pending', 0, 0,
            TIMESTAMP '2026-11-26 00:00:00' + g * INTERVAL '1 millisecond', TIMESTAMP '2026-11-26 00:00:00'
       FROM generate_series(1, ${BULK_ROWS}) g`,
    articleIds[2],
    fx.users.ben.id,
  );
}

/** The same rows, ids and timestamps in a freshly migrated SQLite file, copied through Prisma as the app writes them. */
async function copyToSqlite(file: string) {
  await migrateDatabase(`file:${file}`);
  const sqlite = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file }) });
  try {
    const db = getDb();
    await sqlite.team.createMany({ data: await db.team.findMany() });
    await sqlite.user.createMany({ data: await db.user.findMany() });
    await sqlite.story.createMany({ data: await db.story.findMany() });
    await sqlite.article.createMany({ data: await db.article.findMany() });
    await sqlite.annotation.createMany({ data: await db.annotation.findMany() });
  } finally {
    await sqlite.$disconnect();
  }
}

beforeAll(async () => {
  expect(databaseProvider()).toBe("postgresql");
  fx = await seedFixtures();
  await seedAwkwardRows();
  dir = mkdtempSync(path.join(os.tmpdir(), "export-engines-"));
  sqliteFile = path.join(dir, "copy.db");
  await copyToSqlite(sqliteFile);
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const bytes = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());

/** The CSV route's bytes for a filter, read from PostgreSQL (the app's database) or from the SQLite copy. */
function csvBytes(filter: TExportFilter, options: { raw: boolean; bom: boolean }, file?: string) {
  return bytes(csvStream(exportCellBatches(filter, file === undefined ? {} : { file }), options));
}

/** The JSON-LD route's bytes for a filter, from either database. */
function jsonLdBytes(filter: TExportFilter, file?: string) {
  const batches = jsonLdBatches(exportBatches(filter, file === undefined ? { withContext: true } : { withContext: true, file }));
  return bytes(jsonLdStream({ id: "http://localhost:3000/api/export/annotations.jsonld", label: "Annotations", batches }));
}

/** Export sessions of this database that the server still has, and whether each is inside a transaction. */
async function serverSessions(): Promise<{ inTransaction: boolean }[]> {
  return getDb().$queryRaw<{ inTransaction: boolean }[]>`
    SELECT xact_start IS NOT NULL AS "inTransaction" FROM pg_stat_activity
     WHERE application_name = ${EXPORT_APPLICATION_NAME} AND datname = current_database()`;
}

/** The server drops a session shortly after the client closes it; waits (up to 5 s) for none to be left. */
async function expectNoServerSession() {
  const deadline = Date.now() + 5000;
  let sessions = await serverSessions();
  while (sessions.length > 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    sessions = await serverSessions();
  }
  expect(sessions).toEqual([]);
}

describe("the same export on PostgreSQL and SQLite", () => {
  const filters = (): TExportFilter[] => [
    { teamId: fx.teamId },
    { teamId: fx.teamId, articleId: articleIds[0]! },
    { teamId: fx.teamId, storyId: fx.storyId },
    { teamId: fx.teamId, tag: "opinion" },
    { teamId: fx.teamId, authorId: fx.users.cara.id, status: "accepted" },
  ];

  it("gives byte-identical CSV (raw, spreadsheet-safe, with a BOM) and JSON-LD, in a time zone far from UTC", async () => {
    const zone = process.env.TZ;
    process.env.TZ = "Pacific/Chatham";
    try {
      // The zone is in effect: a local Date is not UTC here.
      expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(0);
      for (const [f, filter] of filters().entries()) {
        const csvOptions = [{ raw: true, bom: false }, { raw: false, bom: false }, { raw: false, bom: true }];
        for (const options of f === 0 ? csvOptions : csvOptions.slice(0, 2)) {
          const fromPostgres = await csvBytes(filter, options);
          const fromSqlite = await csvBytes(filter, options, sqliteFile);
          expect(fromPostgres.equals(fromSqlite), `CSV ${JSON.stringify({ filter, options })}`).toBe(true);
        }
        const fromPostgres = await jsonLdBytes(filter);
        expect(fromPostgres.equals(await jsonLdBytes(filter, sqliteFile)), `JSON-LD ${JSON.stringify(filter)}`).toBe(true);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const teamWide = (await csvBytes({ teamId: fx.teamId }, { raw: true, bom: false })).toString("utf8");
    // Every annotation of the team, across several batches, with the shortened milliseconds written out in full.
    expect(teamWide.match(/\r\n(?=bulk-)/g)).toHaveLength(BULK_ROWS);
    for (const iso of ["2026-11-25T10:00:00.000Z", "2026-11-25T10:00:00.100Z", "2026-11-25T10:00:00.120Z", "2026-11-26T00:00:00.001Z"]) {
      expect(teamWide).toContain(`,${iso},`);
    }
    expect(openExportConnections()).toBe(0);
    await expectNoServerSession();
  }, 60_000);
});

describe("the export's session on the server", () => {
  it("is open, inside its transaction, while a download runs, and gone once the client cancels it", async () => {
    const res = await csvRoute.GET(await makeRequest("GET", "/api/export/annotations.csv", { user: fx.users.ana }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read(); // the header
    await reader.read(); // the first batch
    expect(openExportConnections()).toBe(1);
    // One session, inside its transaction (idle, or fetching the batch the stream reads ahead).
    expect(await serverSessions()).toEqual([{ inTransaction: true }]);
    await reader.cancel("client went away");
    expect(openExportConnections()).toBe(0);
    await expectNoServerSession();
  });

  it("is gone after a download read to the end, and after an export that fails half-way", async () => {
    let rows = 0;
    for await (const batch of exportBatches({ teamId: fx.teamId }, { batchSize: 1000 })) rows += batch.length;
    expect(rows).toBeGreaterThan(BULK_ROWS);
    await expectNoServerSession();

    let shaped = 0;
    const failing = exportRowBatches({ teamId: fx.teamId }, (lookups) => {
      const shape = recordShape(lookups);
      return (row) => {
        if (++shaped === 1500) throw new Error("the consumer broke");
        return shape(row);
      };
    }, { batchSize: 1000 });
    await expect(failing.next()).resolves.toMatchObject({ done: false });
    await expect(failing.next()).rejects.toThrow("the consumer broke");
    expect(openExportConnections()).toBe(0);
    await expectNoServerSession();
  });

  it("fails the download, and frees its slot, when the server ends the session between two batches", async () => {
    const batches = exportBatches({ teamId: fx.teamId }, { batchSize: 1000 });
    await expect(batches.next()).resolves.toMatchObject({ done: false });
    const terminated = await getDb().$queryRaw<{ ok: boolean }[]>`
      SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
       WHERE application_name = ${EXPORT_APPLICATION_NAME} AND datname = current_database()`;
    expect(terminated).toEqual([{ ok: true }]);
    // The loss reaches the idle client first, as an "error" event that would end the process without a listener;
    // the export reports it on its next batch instead.
    await expectNoServerSession();
    await expect(batches.next()).rejects.toThrow();
    expect(openExportConnections()).toBe(0);
  });
});
