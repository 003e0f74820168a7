// The database's share of a create, measured without HTTP: the app's own createAnnotation (its store, transaction
// and score refresh) and the session lookup, called in the runner's process against the run's database while the
// server idles. On SQLite the statements run on the calling thread, so this is the time a server's one thread spends
// in the database per request; on PostgreSQL it is the client side (Prisma, round trips) plus the backends' CPU.
import type { TSessionUser } from "../../lib/auth/session-user";
import { pgTarget, removeCreated, type TCtx } from "./context";
import { measureCost, type TCost } from "./cost";
import { RUNNER_APPLICATION } from "./database";
import { Prng } from "./prng";
import { tableBytes, type TStorage } from "./storage";
import { round } from "./util";

const TAGS = ["anonymous-source", "official-statement", "opinion"] as const;
const NOTE = "bench-store ";

export type TProbe = { calls: number; inFlight: number; wallMsPerCall: number; cost: TCost };

/** `calls` creates through the app's createAnnotation, `inFlight` at a time, on the create targets. */
async function createAnnotations(ctx: TCtx, calls: number, inFlight: number, rng: Prng): Promise<void> {
  const { createAnnotation } = await import("../../lib/annotations/create-annotation");
  const users: TSessionUser[] = ctx.manifest.users.slice(0, 8).map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as TSessionUser["role"],
    teamId: ctx.manifest.teamId,
    teamName: "Bench newsroom",
  }));
  const targets = ctx.manifest.targets;
  let issued = 0;
  const worker = async () => {
    while (issued < calls) {
      const n = issued++;
      const a = targets[rng.int(0, targets.length - 1)]!;
      const span = Math.min(a.length, Math.round(rng.logUniform(8, 400)));
      const start = rng.int(0, a.length - span);
      const tag = TAGS[rng.int(0, 2)]!;
      await createAnnotation(users[n % users.length]!, a.id, { start, end: start + span, tag, note: `${NOTE}${n}` });
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
}

async function createLoop(ctx: TCtx, calls: number, inFlight: number, rng: Prng): Promise<TProbe> {
  const { cost } = await measureCost("self", pgTarget(ctx, RUNNER_APPLICATION), () => createAnnotations(ctx, calls, inFlight, rng));
  await removeCreated(ctx, { startsWith: NOTE });
  return { calls, inFlight, wallMsPerCall: round((cost.wallSeconds * 1000) / calls, 3), cost };
}

/**
 * What the database grows by per create (the annotation, its audit event, their indexes, the article's cache): the
 * growth of each table's pages over 1,000 creates made before any other write of the run, so no freed space from
 * earlier deletes is reused; and, from the generated data, the bytes per row of the tables it filled.
 */
export async function storageFootprint(ctx: TCtx): Promise<TStorage> {
  const calls = 1000;
  const before = await tableBytes(ctx.database);
  const rows = {
    Article: await ctx.db.article.count(),
    Annotation: await ctx.db.annotation.count(),
    Review: await ctx.db.review.count(),
  };
  await createAnnotations(ctx, calls, 8, new Prng(`storage/${ctx.size}`));
  const after = await tableBytes(ctx.database);
  await removeCreated(ctx, { startsWith: NOTE });
  const growth: Record<string, number> = {};
  for (const [table, bytes] of Object.entries(after)) {
    const delta = bytes - (before[table] ?? 0);
    if (delta > 0) growth[table] = Math.round(delta / calls);
  }
  const generated: TStorage["generated"] = {};
  for (const [table, n] of Object.entries(rows)) if (n > 0) generated[table] = { rows: n, bytesPerRow: Math.round((before[table] ?? 0) / n) };
  return { bytesPerCreate: growth, generated };
}

async function sessionLoop(ctx: TCtx, calls: number): Promise<TProbe> {
  const { store } = await import("../../lib/db/store");
  const s = await store();
  const sessions = ctx.sessions;
  const { cost } = await measureCost("self", pgTarget(ctx, RUNNER_APPLICATION), async () => {
    for (let i = 0; i < calls; i++) {
      const { userId, sessionId } = sessions[i % sessions.length]!;
      if (!(await s.sessionUser(userId, sessionId))) throw new Error("The session lookup found no session");
    }
  });
  return { calls, inFlight: 1, wallMsPerCall: round((cost.wallSeconds * 1000) / calls, 3), cost };
}

/**
 * createAnnotation with 8 and 64 calls in flight (as many as the load's clients: on SQLite that decides how many
 * creates share a commit), and the session lookup one call at a time.
 */
export async function storeProbes(ctx: TCtx): Promise<{ alone: { create: Record<string, TProbe>; session: TProbe } }> {
  const rng = new Prng(`store-probe/${ctx.size}`);
  const calls = ctx.quick ? 400 : 2000;
  const create: Record<string, TProbe> = {};
  // A first round warms the JIT and the connections; it is not recorded.
  await createLoop(ctx, Math.min(200, calls), 8, rng);
  for (const inFlight of [8, 64]) create[String(inFlight)] = await createLoop(ctx, calls, inFlight, rng);
  return { alone: { create, session: await sessionLoop(ctx, calls) } };
}
