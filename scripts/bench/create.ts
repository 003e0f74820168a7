// The annotation-create load: wrk against the app's route and the bare stack, alternating, with what each run's
// requests cost the server and the database.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pgTarget, removeCreated, type TCtx } from "./context";
import { measureCost, processTree } from "./cost";
import { ROOT, SERVER_APPLICATION, TMP } from "./database";
import { postStatus } from "./http";
import type { TCreateRun, TCreateResults } from "./report";
import { storeProbes } from "./store-probe";
import { runWrkScript, wrkFigures, type TWrkOutput } from "./wrk-figures";
import { loadavg, round, say } from "./util";

const LUA = path.join(ROOT, "bench", "create.lua");

export type TStack = "product" | "bare";

/** What identifies a stack's rows: the bare stack's fixed note, and the prefix of the app's unique notes. */
const NOTE = { bare: "bench-bare", product: "bench-load " } as const;

type TWrkResult = TWrkOutput & { createdPerThread: number[] };

/** How create.lua picks spans: uniformly over the article, or on passages of `passage` code points. */
export type TSpans = { passage: number };

function wrk(ctx: TCtx, stack: TStack, connections: number, seconds: number, targetsFile: string, seed: number, ackPrefix: string, spans: TSpans) {
  return runWrkScript<TWrkResult>(ctx.server.base, LUA, connections, seconds, [targetsFile, stack, String(seed), ackPrefix, String(spans.passage)]);
}

/** One wrk run; `measured` runs also record what they cost (on PostgreSQL that adds ~22 s of waiting for statistics). */
export async function wrkRun(
  ctx: TCtx,
  stack: TStack,
  connections: number,
  seconds: number,
  targetsFile: string,
  seed: number,
  measured: boolean,
  spans: TSpans = { passage: 0 },
): Promise<TCreateRun> {
  const before = await ctx.db.annotation.count();
  const ackPrefix = path.join(TMP, `acks-${ctx.size}-${stack}-`);
  for (const t of [1, 2]) rmSync(`${ackPrefix}${t}.txt`, { force: true });
  const load0 = loadavg();
  const run = () => wrk(ctx, stack, connections, seconds, targetsFile, seed, ackPrefix, spans);
  const { value: r, cost } = measured
    ? await measureCost(() => processTree(ctx.server.pid), pgTarget(ctx, SERVER_APPLICATION), run)
    : { value: await run(), cost: undefined };
  // Every acknowledged create must be stored: look each acknowledged one up by what identifies it (its unique note
  // for the app, its id for the bare stack).
  const after = await ctx.db.annotation.count();
  const acks = [1, 2].flatMap((t) => {
    const f = `${ackPrefix}${t}.txt`;
    return existsSync(f) ? readFileSync(f, "utf8").split("\n").filter(Boolean) : [];
  });
  const storedKeys = new Set(
    stack === "bare"
      ? (await ctx.db.annotation.findMany({ where: { note: NOTE.bare }, select: { id: true } })).map((a) => a.id)
      : (await ctx.db.annotation.findMany({ where: { note: { startsWith: NOTE.product } }, select: { note: true } })).map((a) => a.note),
  );
  const missing = acks.filter((k) => !storedKeys.has(k)).length;
  const stored = after - before;
  const result: TCreateRun = {
    stack,
    connections,
    ...wrkFigures(r),
    created: r.created,
    createdPerThread: r.createdPerThread,
    existing: r.existing,
    stored,
    acknowledged: acks.length,
    acknowledgedMissing: missing,
    // A create wrk abandoned at its deadline may still be stored without an acknowledgement: stored >= created.
    allAcknowledgedStored: missing === 0 && acks.length === r.created && stored >= r.created,
    loadavg: Math.max(load0, loadavg()),
    ...(cost ? { cost } : {}),
  };
  await removeCreated(ctx, { startsWith: stack === "bare" ? NOTE.bare : NOTE.product });
  return result;
}

/** The file create.lua reads: session cookies and the articles to annotate. */
export function writeTargets(ctx: TCtx): string {
  const targetsFile = path.join(TMP, `targets-${ctx.size}.txt`);
  writeFileSync(targetsFile, [...ctx.cookies.map((c) => `C ${c}`), ...ctx.manifest.targets.map((t) => `A ${t.id} ${t.length}`)].join("\n") + "\n");
  return targetsFile;
}

/** One measured run as a line of the runner's output. */
export function sayRun(stack: TStack, i: number, run: TCreateRun): void {
  const c = run.cost!;
  const db = c.database ? `, database ${round(c.database.backendCpuMs / run.requests, 2)} ms CPU + ${round(c.database.activeMs / run.requests, 2)} ms active` : "";
  say(
    `  ${stack.padEnd(7)} run ${i + 1}: ${run.rps} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, ` +
      `${run.created} × 201 (${run.acknowledgedMissing} of them missing), ${run.stored} rows added, ` +
      `${run.failed + run.socketErrors} failed; per request: server ${round(c.processCpuMs / run.requests, 2)} ms CPU${db}; ` +
      `machine ${round(c.machineBusyCores, 2)} cores busy, load ${run.loadavg}`,
  );
}

export async function createScenarios(ctx: TCtx): Promise<TCreateResults> {
  const targetsFile = writeTargets(ctx);
  const probe = await postStatus(`${ctx.server.base}/api/bench-bare`, ctx.cookies[0]!);
  const bareAvailable = probe !== 404;
  if (!bareAvailable) {
    say(
      `${ctx.size}: BARE STACK UNAVAILABLE: POST /api/bench-bare answered 404 — next.config.ts needs ` +
        `pageExtensions: env("BENCH_ROUTES") === "1" ? ["bench.ts", "tsx", "ts"] : ["tsx", "ts"]`,
    );
  }
  const runs = ctx.quick ? 1 : 3;
  const seconds = ctx.quick ? 5 : 10;
  const results: TCreateResults["byConnections"] = {};
  let seed = 1;
  for (const connections of [8, 64]) {
    say(`${ctx.size}: annotation create, ${connections} connections, ${runs} × ${seconds} s per stack (wrk)`);
    const stacks: TStack[] = bareAvailable ? ["product", "bare"] : ["product"];
    // Warm-up (not recorded): JIT, connection pools, page cache.
    for (const stack of stacks) await wrkRun(ctx, stack, connections, 3, targetsFile, seed++, false);
    const entry = { product: [] as TCreateRun[], bare: [] as TCreateRun[] };
    for (let i = 0; i < runs; i++) {
      for (const stack of stacks) {
        const run = await wrkRun(ctx, stack, connections, seconds, targetsFile, seed++, true);
        entry[stack].push(run);
        sayRun(stack, i, run);
      }
    }
    results[String(connections)] = entry;
  }
  say(`${ctx.size}: the create path and the session check alone, in the runner's process (no HTTP)`);
  const alone = await storeProbes(ctx);
  return { bareAvailable, byConnections: results, ...alone };
}
