// BENCHMARK ONLY — never shipped. Built only when BENCH_ROUTES=1 makes `bench.ts` a page extension
// (next.config.ts pageExtensions); in any other build `route.bench.ts` is not a route and POST /api/bench-bare is 404.
//
// The "bare stack" of the annotation-create benchmark (scripts/bench/run.ts): the least work a create can do on
// this stack — Next.js route handler, next-auth session check (getToken), one INSERT with better-sqlite3 — i.e.
// this product's physical limit for POST /api/articles/{id}/annotations under the same load.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { applyConnectionPragmas } from "@/lib/db/pragmas";
import { databaseUrl, sqliteFileFromUrl } from "@/lib/db/url";
import { env } from "@/lib/env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Rows inserted here carry this note, so the benchmark can count and then remove them. */
const BARE_NOTE = "bench-bare";

let insert: Database.Statement | undefined;

function statement(): Database.Statement {
  if (!insert) {
    const connection = new Database(sqliteFileFromUrl(databaseUrl()), { fileMustExist: true });
    applyConnectionPragmas(connection);
    insert = connection.prepare(
      `INSERT INTO "Annotation" ("id", "articleId", "authorId", "start", "end", "quote", "prefix", "suffix", "tag", "note",
                                 "status", "agreeCount", "disagreeCount", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, '', '', '', ?, '${BARE_NOTE}', 'pending', 0, 0, ?, ?)
       ON CONFLICT DO NOTHING`,
    );
  }
  return insert;
}

export async function POST(req: NextRequest): Promise<Response> {
  const token = await getToken({ req, secret: env("NEXTAUTH_SECRET") });
  const uid = (token as { uid?: unknown } | null)?.uid;
  if (typeof uid !== "string") return Response.json({ error: { code: "UNAUTHENTICATED" } }, { status: 401 });
  let body: { articleId?: unknown; start?: unknown; end?: unknown; tag?: unknown };
  try {
    body = (await req.json()) as typeof body;
  } catch {
    return Response.json({ error: { code: "INVALID_JSON" } }, { status: 400 });
  }
  const { articleId, start, end, tag } = body;
  if (typeof articleId !== "string" || typeof start !== "number" || typeof end !== "number" || typeof tag !== "string") {
    return Response.json({ error: { code: "INVALID" } }, { status: 400 });
  }
  const id = randomUUID();
  const now = new Date().toISOString();
  const { changes } = statement().run(id, articleId, uid, start, end, tag, now, now);
  return Response.json({ id }, { status: changes === 1 ? 201 : 200 });
}
