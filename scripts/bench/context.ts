// What every scenario of one run gets: the server, the database, the runner's own client, sessions and meters.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import type pg from "pg";
import { backendPids, CpuMeter, processTree, type TPgTarget } from "./cost";
import { SERVER_APPLICATION, type TBenchDatabase } from "./database";
import type { TManifest, TSize } from "./generate";
import type { TMeters } from "./http";
import type { TServer } from "./server";

export type TSession = { userId: string; sessionId: string; cookie: string };

export type TCtx = {
  size: TSize;
  database: TBenchDatabase;
  server: TServer;
  manifest: TManifest;
  sessions: TSession[];
  cookies: string[];
  quick: boolean;
  db: import("../../lib/db/client").Db;
  /** On PostgreSQL: a connection to the server's maintenance database, for its statistics views. */
  pgStats: pg.Client | null;
};

/** Up to 8 team members, admin first (every role may annotate), each with a real session row and cookie. */
export async function createSessions(manifest: TManifest, secret: string, db: TCtx["db"]): Promise<TSession[]> {
  // sessionVersion is 0 in generated data. Each token names a real session row, as a login would make: the server
  // refuses tokens without one.
  const expiresAt = new Date(Date.now() + 12 * 60 * 60 * 1000);
  return Promise.all(
    manifest.users.slice(0, 8).map(async (u) => {
      const sid = randomBytes(24).toString("base64url");
      await db.session.create({ data: { id: sid, userId: u.id, expiresAt } });
      const token = await encode({ token: { sub: u.id, uid: u.id, sv: 0, sid, email: u.email, name: u.name }, secret });
      return { userId: u.id, sessionId: sid, cookie: `next-auth.session-token=${token}` };
    }),
  );
}

/** The PostgreSQL backends serving connections named `application` on this run's database; null on SQLite. */
export function pgTarget(ctx: TCtx, application: string): TPgTarget | null {
  return ctx.pgStats ? { client: ctx.pgStats, database: ctx.database.label, application } : null;
}

/** Meters for the server's process tree and the backends serving it. */
export function serverMeters(ctx: TCtx): TMeters {
  return () => {
    const target = pgTarget(ctx, SERVER_APPLICATION);
    return {
      server: new CpuMeter(() => processTree(ctx.server.pid)),
      database: target ? new CpuMeter(() => backendPids(target)) : null,
    };
  };
}

/** Removes the annotations a load made (by their note) with their audit events, and re-derives the touched articles' cached scores. */
export async function removeCreated(ctx: TCtx, note: { startsWith: string }): Promise<void> {
  const rows = await ctx.db.annotation.findMany({ where: { note }, select: { id: true, articleId: true } });
  if (rows.length === 0) return;
  for (let i = 0; i < rows.length; i += 500) {
    const ids = rows.slice(i, i + 500).map((r) => r.id);
    await ctx.db.auditEvent.deleteMany({ where: { entityType: "Annotation", entityId: { in: ids } } });
    await ctx.db.annotation.deleteMany({ where: { id: { in: ids } } });
  }
  const { refreshArticleScore } = await import("../../lib/scoring/refresh-article-score");
  for (const articleId of new Set(rows.map((r) => r.articleId))) {
    await ctx.db.$transaction((tx) => refreshArticleScore(tx, articleId));
  }
}
