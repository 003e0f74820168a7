// BENCHMARK ONLY — never shipped. Built only when BENCH_ROUTES=1 makes `bench.ts` a page extension
// (next.config.ts pageExtensions); in any other build `route.bench.ts` is not a route and POST /api/bench-bare is 404.
//
// The "bare stack" of the annotation-create benchmark (scripts/bench/run.ts): the least work a create can do on
// this stack — Next.js route handler, next-auth session check (getToken), one INSERT straight through the database
// driver (better-sqlite3 on SQLite, a `pg` pool on PostgreSQL) — i.e. this product's physical limit for
// POST /api/articles/{id}/annotations under the same load.
import { randomUUID } from "node:crypto";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { databaseProvider } from "@/lib/db/url";
import { insertBare } from "./insert.bench";
import { env } from "@/lib/env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

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
  const inserted = await insertBare(databaseProvider(), { id, articleId, authorId: uid, start, end, tag, now: new Date() });
  return Response.json({ id }, { status: inserted ? 201 : 200 });
}
