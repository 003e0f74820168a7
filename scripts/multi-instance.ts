// npm run test:instances — two production servers (`npm start`) on one database, used at once:
//  1. Teammates create, review (agree, disagree, change their minds), retag and delete annotations on the same articles,
//     every client alternating between the two instances. Afterwards every acknowledged write is stored, every
//     acknowledged delete is gone, and every cached figure (annotation counts and status, article scores and
//     consensus counts) equals a full recompute from the rows.
//  2. Failed logins to one account spread over both instances add up: the account locks, on both.
//  3. On PostgreSQL, live updates cross instances: annotations created through A reach an event stream (GET
//     /api/events) open on B, each within seconds; the time each took is printed. (SQLite's change feed lives in
//     its one process: two processes on one file do not hear each other, so this part is PostgreSQL's only.)
// `--db postgresql|sqlite|both` (default both: PostgreSQL, and two processes on one SQLite file); `--ops N` requests
// per client. SKIP_BUILD=1 uses the current production build. Bounded: a few thousand requests, all to 127.0.0.1.
import { parseArgs } from "node:util";
import { DEMO_USERS } from "../lib/seed/seed-database";
import { waitForServer } from "./lib/app-server";
import { listArticles } from "./support/api";
import { liveAcrossInstances } from "./support/live-across";
import { liveInBrowsers } from "./support/live-browsers";
import { checkAcknowledged, checkDerived, reportChecks, withDatabase, type TCheck } from "./support/consistency";
import { attemptLogin, loginCookie } from "./support/login";
import { runSharedWorkload, type TWorker, type TWorkloadResult } from "./support/shared-workload";
import { buildUnlessSkipped, DEMO_PASSWORD, prepareTestApp, serverPorts, startInstance, stopInstance, type TInstance } from "./support/test-app";
import { databaseKinds, type TDatabaseKind } from "./support/test-database";

/** Clients per demo account, all at once. */
const CLIENTS_PER_USER = 3;
/** The account whose failed logins are spread over the instances (after the workload, which it takes no part in). */
const LOCKED_ACCOUNT = "ben@example.com";

/** Logs each account in once, in turn, on alternating instances: a session made on one is used on both. */
async function workers(instances: readonly TInstance[]): Promise<TWorker[]> {
  const out: TWorker[] = [];
  for (const [i, user] of DEMO_USERS.entries()) {
    const cookie = await loginCookie(instances[i % instances.length]!.baseURL, user.email, DEMO_PASSWORD);
    for (let c = 0; c < CLIENTS_PER_USER; c++) out.push({ email: user.email, admin: user.role === "admin", cookie });
  }
  return out;
}

/** 3 wrong passwords on A and 2 on B (interleaved) lock the account: the right password is then refused on both. */
async function throttleAcrossInstances([a, b]: readonly TInstance[]): Promise<TCheck> {
  const mismatches: string[] = [];
  const wrong = [a!, b!, a!, b!, a!];
  for (const [n, instance] of wrong.entries()) {
    const { status, cookie } = await attemptLogin(instance.baseURL, LOCKED_ACCOUNT, "not-the-password");
    if (cookie || status === 429) mismatches.push(`wrong password #${n + 1} on ${instance.name}: ${cookie ? "logged in" : "already refused (429)"}`);
  }
  for (const instance of [a!, b!]) {
    const { status, cookie } = await attemptLogin(instance.baseURL, LOCKED_ACCOUNT, DEMO_PASSWORD);
    if (status !== 429 || cookie) mismatches.push(`right password on ${instance.name} after 5 failures: ${status}${cookie ? ", logged in" : ""}`);
  }
  return { name: "5 failed logins over two instances lock the account on both", checked: wrong.length + 2, mismatches };
}

function summarize(kind: TDatabaseKind, result: TWorkloadResult, ms: number): void {
  console.log(`\n${kind}: ${(ms / 1000).toFixed(1)} s of workload`);
  for (const [name, tally] of result.tallies) {
    const { create, review, retag, delete: deleted } = tally.acknowledged;
    const statuses = [...tally.statuses].sort().map(([k, n]) => `${k}×${n}`).join(", ");
    console.log(
      `  instance ${name}: ${create + review + retag + deleted} writes acknowledged ` +
        `(${create} creates, ${review} reviews, ${retag} tag changes, ${deleted} deletes); answers: ${statuses}`,
    );
  }
  console.log(`  ${result.ack.created.size} annotations acknowledged, ${result.ack.deleted.size} deletes, ${result.ack.verdicts.size} reviewer/annotation verdicts`);
}

async function runOn(kind: TDatabaseKind, opsPerWorker: number): Promise<boolean> {
  console.log(`\n=== Two instances on ${kind} ===`);
  const app = await prepareTestApp(kind, "instances");
  try {
    const ports = await serverPorts(2);
    const instances = ports.map((port, i) => startInstance(app, "AB"[i]!, port));
    let result: TWorkloadResult;
    let throttle: TCheck;
    let live: TCheck[] = [];
    let ms: number;
    try {
      await Promise.all(instances.map((i) => waitForServer(i.baseURL, i.proc, 120_000)));
      const team = await workers(instances);
      const articles = await listArticles({ baseURL: instances[0]!.baseURL, cookie: team[0]!.cookie });
      const started = Date.now();
      result = await runSharedWorkload({ instances, workers: team, articles, opsPerWorker, seed: kind });
      ms = Date.now() - started;
      if (kind === "postgresql") {
        const cookieOf = (email: string) => team.find((w) => w.email === email)!.cookie;
        const [a, b] = instances;
        const ana = { baseURL: a!.baseURL, cookie: cookieOf("ana@example.com") };
        const ben = { baseURL: b!.baseURL, cookie: cookieOf("ben@example.com") };
        live = [await liveAcrossInstances(ana, ben), await liveInBrowsers(ana, ben)];
      }
      throttle = await throttleAcrossInstances(instances);
    } finally {
      await Promise.all(instances.map((i) => stopInstance(i)));
    }
    const checks = await withDatabase(app.database.url, async () => [...(await checkAcknowledged(result.ack)), ...(await checkDerived())]);
    summarize(kind, result, ms);
    const answered = [...result.tallies.values()].flatMap((t) => [...t.statuses.values()]).reduce((a, b) => a + b, 0);
    const answers: TCheck = { name: "every answer expected (no failed writes)", checked: answered, mismatches: result.unexpected };
    const all = [...checks, answers, throttle, ...live];
    const ok = reportChecks(all);
    console.log(`  mismatches: ${all.reduce((n, c) => n + c.mismatches.length, 0)}`);
    return ok;
  } finally {
    await app.database.drop();
  }
}

async function main() {
  const { values } = parseArgs({ options: { db: { type: "string" }, ops: { type: "string" } } });
  const kinds = databaseKinds(values.db, ["postgresql", "sqlite"], true);
  const ops = values.ops === undefined ? 120 : Number(values.ops);
  if (!Number.isInteger(ops) || ops < 1) throw new Error(`--ops must be a whole number of requests per client (got ${values.ops})`);
  buildUnlessSkipped();
  const results: boolean[] = [];
  for (const kind of kinds) results.push(await runOn(kind, ops));
  const failed = kinds.filter((_, i) => !results[i]);
  console.log(failed.length ? `\nFAILED on ${failed.join(", ")}` : `\nPassed on ${kinds.join(" and ")}`);
  process.exit(failed.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
