// The scale benchmark: generate S/M data into SQLite and/or PostgreSQL, build and start the production server,
// measure, write bench/results.json and print the markdown table (also written to bench/README.md).
//
//   npx tsx scripts/bench/run.ts [--db sqlite|postgresql|sqlite,postgresql] [--size S|M] [--quick] [--skip-build]
//                                [--regenerate] [--keep] [--profile SCENARIO] [--only LIST] [--data FILE|NAME] [--render]
//
// --db          the database(s) to measure (default sqlite). PostgreSQL: each size is generated into a new database
//               on TEST_POSTGRES_URL's server (default postgresql://app:app@127.0.0.1:5432/app; its role needs
//               CREATEDB), named bench_<size>_<time>_<pid> and dropped after the run.
// --size        one size only (default: S, then M); results of the other runs in bench/results.json are kept.
// --quick       one short run per measurement instead of the median of several (a smoke test, not figures).
// --skip-build  reuse the last .next-bench build.
// --regenerate  regenerate the SQLite data even when bench/tmp/<size>.db was made by the current generator.
// --keep        keep the PostgreSQL database(s) after the run (reuse one with --data NAME).
// --profile X   run the server under `node --cpu-prof` for scenario X only (create, bare, article, annotations,
//               scores, dashboard, articles, queue, export) and print where its CPU time goes; writes no results.
// --only LIST   measure only some of reads,export,create,hot,live (comma-separated; hot: creates on one article,
//               fresh and holding 10,000 annotations; live: creates with and without 200 open event streams, and the
//               delay from a create's answer to its event on another stream).
// --render      only re-render bench/README.md from bench/results.json (no build, no measurement).
// --data X      SQLite: use this generated file (with its X.json manifest) instead of bench/tmp/<size>.db;
//               PostgreSQL: use the database a --keep run left (its manifest is bench/tmp/X.json). For experiments:
//               runs with --only or --data print the table but write bench/tmp/experiment.* instead of the results.
// BENCH_PROFILE_CONNECTIONS=8 profiles the create load at 8 clients instead of 64.
// BENCH_PORTS=3450-3469 makes the server listen on the first free port of that range (default: any free port);
// BENCH_DIST_DIR=.next-bench-x builds into (and serves from) another folder than .next-bench.
//
// Everything is bounded: request loops stop at a count or a deadline, wrk runs for fixed seconds, and the server is
// killed (and a PostgreSQL database dropped) at the end or on any error. All traffic goes to 127.0.0.1.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createScenarios } from "./create";
import { hotArticleScenarios } from "./hot-article";
import { liveEventScenarios } from "./live-events";
import { ROOT, TMP, type TDatabaseKind } from "./database";
import type { TSize } from "./generate";
import { withRun, type TOptions, type TScenario } from "./harness";
import { ensureTools, loadavgTriple, machine } from "./machine";
import { profile } from "./profile";
import { renderReport } from "./report";
import { parseResults, type TResults, type TRunResults } from "./results";
import { measureExport, readScenarios } from "./scenarios";
import { build, treeRss } from "./server";
import { storageFootprint } from "./store-probe";
import { round, say } from "./util";

const RESULTS_FILE = path.join(ROOT, "bench", "results.json");
const README_FILE = path.join(ROOT, "bench", "README.md");

function parseArgs(argv: string[]): TOptions {
  const opts: TOptions = {
    databases: ["sqlite"],
    sizes: ["S", "M"],
    quick: false,
    skipBuild: false,
    regenerate: false,
    keep: false,
    profile: null,
    only: null,
    data: null,
    render: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--size") {
      const s = (argv[++i] ?? "").toUpperCase();
      if (s !== "S" && s !== "M") throw new Error("--size takes S or M");
      opts.sizes = [s];
    } else if (a === "--db") {
      const list = (argv[++i] ?? "").split(",").filter(Boolean);
      if (!list.length || list.some((x) => x !== "sqlite" && x !== "postgresql")) throw new Error("--db takes sqlite, postgresql or sqlite,postgresql");
      opts.databases = [...new Set(list)] as TDatabaseKind[];
    } else if (a === "--quick") opts.quick = true;
    else if (a === "--skip-build") opts.skipBuild = true;
    else if (a === "--regenerate") opts.regenerate = true;
    else if (a === "--keep") opts.keep = true;
    else if (a === "--profile") opts.profile = argv[++i] ?? null;
    else if (a === "--render") opts.render = true;
    else if (a === "--only") {
      const list = (argv[++i] ?? "").split(",").filter(Boolean);
      if (!list.length || list.some((x) => !["reads", "export", "create", "hot", "live"].includes(x))) throw new Error("--only takes reads,export,create,hot,live");
      opts.only = list as TScenario[];
    } else if (a === "--data") opts.data = argv[++i] ?? null;
    else throw new Error(`Unknown option ${a}`);
  }
  if (opts.data && (opts.databases.length > 1 || opts.sizes.length > 1)) throw new Error("--data needs one --db and one --size");
  if (opts.data && opts.databases[0] === "sqlite") opts.data = path.resolve(opts.data);
  return opts;
}

async function benchRun(kind: TDatabaseKind, size: TSize, opts: TOptions): Promise<TRunResults> {
  const loadStart = loadavgTriple();
  return withRun(kind, size, opts, async (ctx) => {
    const rssAtStartMB = round(treeRss(ctx.server.pid) / 1e6);
    say(`${kind} ${size}: storage per create (1,000 creates in the runner, then removed)`);
    const storage = await storageFootprint(ctx);
    const want = (s: TScenario) => !opts.only || opts.only.includes(s);
    const reads = want("reads") ? await readScenarios(ctx) : null;
    const csvExport = want("export") ? await measureExport(ctx) : { skipped: "not measured in this run (--only)" };
    const create = want("create") ? await createScenarios(ctx) : { bareAvailable: false, byConnections: {} };
    const hotArticle = want("hot") ? await hotArticleScenarios(ctx) : undefined;
    const liveEvents = want("live") ? await liveEventScenarios(ctx) : undefined;
    const { manifest } = ctx.database;
    return {
      database: kind,
      size,
      date: new Date().toISOString(),
      quick: opts.quick,
      data: {
        ...manifest.counts,
        articleChars: manifest.articleChars,
        spanCodePoints: manifest.spanCodePoints,
        fileMB: round(manifest.fileBytes / 1e6),
        generationSeconds: round(manifest.generationSeconds),
        generatedThisRun: ctx.database.generatedNow,
        hotArticleAnnotations: manifest.hotArticle.annotations,
        database: ctx.database.label,
      },
      serverRssAtStartMB: rssAtStartMB,
      storage,
      loadavg: { start: loadStart, end: loadavgTriple() },
      ...(reads ?? {}),
      csvExport,
      create,
      ...(hotArticle ? { hotArticle } : {}),
      ...(liveEvents ? { liveEvents } : {}),
    };
  });
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.render) {
    const report = renderReport(parseResults(readFileSync(RESULTS_FILE, "utf8")));
    writeFileSync(README_FILE, report);
    console.log(report);
    return;
  }
  ensureTools(opts.databases);
  if (opts.profile) {
    if (!opts.skipBuild) build();
    return profile(opts);
  }
  const started = new Date().toISOString();
  const experiment = opts.only !== null || opts.data !== null;
  const mach = await machine(opts.databases);
  const buildSeconds = opts.skipBuild ? null : round(build());
  const previous = !experiment && existsSync(RESULTS_FILE) ? parseResults(readFileSync(RESULTS_FILE, "utf8")) : null;
  const command = `npx tsx scripts/bench/run.ts ${process.argv.slice(2).join(" ")}`.trim();
  const results: TResults = { command, started, machine: mach, buildSeconds, runs: { ...(previous?.runs ?? {}) } };
  const out = experiment ? path.join(TMP, "experiment") : null;
  for (const kind of opts.databases) {
    for (const size of opts.sizes) {
      results.runs[`${kind}/${size}`] = { ...(await benchRun(kind, size, opts)), machine: mach, command };
      writeFileSync(out ? `${out}.json` : RESULTS_FILE, JSON.stringify(results, null, 2) + "\n");
    }
  }
  const report = renderReport(results);
  writeFileSync(out ? `${out}.md` : README_FILE, report);
  console.log(`\n${report}`);
  say(`Wrote ${path.relative(ROOT, out ? `${out}.json` : RESULTS_FILE)} and ${path.relative(ROOT, out ? `${out}.md` : README_FILE)}`);
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
