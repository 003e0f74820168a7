// The scale benchmark: generate S/M data, build and start the production server, measure, write
// bench/results.json and print the markdown table (also written to bench/README.md).
//
//   npx tsx scripts/bench/run.ts [--size S|M] [--quick] [--skip-build] [--regenerate] [--profile SCENARIO]
//
// --size        one size only (default: S, then M); results of the other size in bench/results.json are kept.
// --quick       one short run per measurement instead of the median of several (a smoke test, not figures).
// --skip-build  reuse the last .next-bench build.
// --regenerate  regenerate the data even when bench/tmp/<size>.db was made by the current generator.
// --profile X   run the server under `node --cpu-prof` for scenario X only (create, bare, article, annotations,
//               scores, dashboard, articles, queue, export) and print where its CPU time goes; writes no results.
// --only LIST   measure only some of reads,export,create (comma-separated); for experiments.
// --render      only re-render bench/README.md from bench/results.json (no build, no measurement).
// --data FILE   use this generated database (with its FILE.json manifest) instead of bench/tmp/<size>.db, e.g. a copy
//               with an extra index; for experiments. Runs with --only or --data print the table but keep
//               bench/results.json and bench/README.md as they are (they are written to bench/tmp/ instead).
//
// Everything is bounded: request loops stop at a count or a deadline, wrk runs for fixed seconds, and the server is
// killed at the end or on any error. All traffic goes to 127.0.0.1.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, copyFileSync, existsSync, openSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { GENERATOR_VERSION, manifestPath, SIZES, type TManifest, type TSize } from "./generate";
import { renderReport, type TResults, type TSizeResults, type TCreateRun, type TTimed } from "./report";
import { migrateDatabase } from "../../lib/db/migrations";

const ROOT = path.resolve(__dirname, "..", "..");
const TMP = path.join(ROOT, "bench", "tmp");
const DIST_DIR = ".next-bench";
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX_CLI = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const RESULTS_FILE = path.join(ROOT, "bench", "results.json");
const README_FILE = path.join(ROOT, "bench", "README.md");
const LUA = path.join(ROOT, "bench", "create.lua");

type TScenario = "reads" | "export" | "create";
type TOptions = {
  sizes: TSize[];
  quick: boolean;
  skipBuild: boolean;
  regenerate: boolean;
  profile: string | null;
  only: TScenario[] | null;
  data: string | null;
  render: boolean;
};

function parseArgs(argv: string[]): TOptions {
  const opts: TOptions = { sizes: ["S", "M"], quick: false, skipBuild: false, regenerate: false, profile: null, only: null, data: null, render: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--size") {
      const s = (argv[++i] ?? "").toUpperCase();
      if (s !== "S" && s !== "M") throw new Error("--size takes S or M");
      opts.sizes = [s];
    } else if (a === "--quick") opts.quick = true;
    else if (a === "--skip-build") opts.skipBuild = true;
    else if (a === "--regenerate") opts.regenerate = true;
    else if (a === "--profile") opts.profile = argv[++i] ?? null;
    else if (a === "--render") opts.render = true;
    else if (a === "--only") {
      const list = (argv[++i] ?? "").split(",").filter(Boolean);
      if (!list.length || list.some((x) => !["reads", "export", "create"].includes(x))) throw new Error("--only takes reads,export,create");
      opts.only = list as TScenario[];
    } else if (a === "--data") opts.data = path.resolve(argv[++i] ?? "");
    else throw new Error(`Unknown option ${a}`);
  }
  return opts;
}

const say = (m: string) => console.log(`• ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const loadavg = () => Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);

// ---------------------------------------------------------------------------------------------------------------
// Tools and machine

function hasCommand(cmd: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;
}

function ensureTools(): void {
  const missing = ["wrk", "sqlite3", "curl"].filter((c) => !hasCommand(c));
  if (missing.length === 0) return;
  const install = `apt-get install -y ${missing.join(" ")}`;
  if (process.getuid?.() !== 0) {
    console.error(`The benchmark needs ${missing.join(", ")} (Debian packages). Install them: sudo ${install}`);
    process.exit(1);
  }
  say(`Installing ${missing.join(", ")}: ${install}`);
  let r = spawnSync("sh", ["-c", install], { stdio: "inherit" });
  if (r.status !== 0) r = spawnSync("sh", ["-c", `apt-get update && ${install}`], { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`Could not install ${missing.join(", ")}; run: ${install}`);
}

function firstLine(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  return `${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n")[0]!.trim();
}

function machine() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism?.() ?? cpus.length,
    cpu: cpus[0]?.model ?? "unknown",
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    wrk: firstLine("wrk", ["--version"]).replace(/ Copyright.*/, ""),
    sqlite3: firstLine("sqlite3", ["--version"]).split(" ").slice(0, 2).join(" "),
    date: new Date().toISOString(),
    loadavgAtStart: readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Build, data, server

function build(): number {
  say(`Building the production server into ${DIST_DIR} (BENCH_ROUTES=1)…`);
  const t = performance.now();
  const r = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: DIST_DIR, NEXT_SKIP_TYPECHECK: "1", BENCH_ROUTES: "1" },
    timeout: 20 * 60_000,
  });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status})`);
  return (performance.now() - t) / 1000;
}

function readManifest(file: string): TManifest | null {
  try {
    const m = JSON.parse(readFileSync(manifestPath(file), "utf8")) as TManifest;
    return m.generatorVersion === GENERATOR_VERSION && existsSync(file) ? m : null;
  } catch {
    return null;
  }
}

function dataFor(size: TSize, regenerate: boolean, data: string | null = null): { file: string; manifest: TManifest; generatedNow: boolean } {
  mkdirSync(TMP, { recursive: true });
  if (data) {
    const manifest = readManifest(data);
    if (!manifest || manifest.size !== size) throw new Error(`${data} has no manifest ${manifestPath(data)} for size ${size}`);
    say(`${size}: using ${data} (--data)`);
    return { file: data, manifest, generatedNow: false };
  }
  const file = path.join(TMP, `${size}.db`);
  const cached = regenerate ? null : readManifest(file);
  if (cached) {
    say(`${size}: using ${path.relative(ROOT, file)} (generator v${GENERATOR_VERSION}, made in ${cached.generationSeconds.toFixed(0)} s)`);
    return { file, manifest: cached, generatedNow: false };
  }
  say(`${size}: generating ${SIZES[size].articles} articles, ${SIZES[size].annotations} annotations…`);
  const r = spawnSync(process.execPath, [TSX_CLI, path.join(__dirname, "generate.ts"), "--size", size, "--out", file], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=8192`.trim() },
    timeout: 90 * 60_000,
  });
  if (r.status !== 0) throw new Error(`Generating ${size} failed (exit ${r.status})`);
  const manifest = readManifest(file);
  if (!manifest) throw new Error(`The generator did not write ${manifestPath(file)}`);
  return { file, manifest, generatedNow: true };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

type TServer = { proc: ChildProcess; base: string; secret: string; pid: number };

async function startServer(dbFile: string, logFile: string, cpuProfDir?: string): Promise<TServer> {
  const port = await freePort();
  // The server's own output goes to a file: wrk abandons in-flight requests at its deadline, which the app logs.
  const log = openSync(logFile, "w");
  const base = `http://127.0.0.1:${port}`;
  const secret = randomBytes(32).toString("base64url");
  const nodeArgs = cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : [];
  const proc = spawn(process.execPath, [...nodeArgs, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      BENCH_ROUTES: "1",
      DATABASE_URL: `file:${dbFile}`,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", log, log],
    detached: true,
  });
  closeSync(log);
  proc.on("exit", (code, signal) => {
    if (!stopping.has(proc)) console.error(`\n!! The server (pid ${proc.pid}) exited on its own: code ${code}, signal ${signal}; see ${logFile}`);
  });
  const server = { proc, base, secret, pid: proc.pid! };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`next start exited with code ${proc.exitCode}; see ${logFile}`);
    try {
      const r = await get(`${base}/api/auth/csrf`, "");
      if (r.status === 200) return server;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  await stopServer(server);
  throw new Error("The server did not answer within 90 s");
}

const stopping = new WeakSet<ChildProcess>();

async function stopServer(server: TServer): Promise<void> {
  stopping.add(server.proc);
  if (server.proc.exitCode !== null || server.proc.signalCode !== null) return;
  const exited = new Promise<void>((r) => server.proc.once("exit", () => r()));
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    return;
  }
  const timeout = sleep(15_000).then(() => "timeout");
  if ((await Promise.race([exited.then(() => "ok"), timeout])) === "timeout") {
    try {
      process.kill(-server.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** Resident memory of the server and all its descendants, in bytes. */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // exited meanwhile
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // exited meanwhile
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function get(url: string, cookie: string, keepBody = false): Promise<{ status: number; ttfbMs: number; totalMs: number; bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(url, { agent, headers: cookie ? { cookie } : {}, timeout: 120_000 }, (res) => {
      const ttfbMs = performance.now() - t0;
      let bytes = 0;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => {
        bytes += c.length;
        if (keepBody) chunks.push(c);
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, ttfbMs, totalMs: performance.now() - t0, bytes, body: keepBody ? Buffer.concat(chunks).toString("utf8") : "" }),
      );
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on("error", reject);
  });
}

/** Sequential GETs (one client, so the server has the CPU): median and p90 of the full response time. */
async function timeGets(url: string, cookie: string, runs: number, check: (status: number, body: string) => string | null): Promise<TTimed> {
  const deadline = Date.now() + 120_000;
  for (let i = 0; i < 3; i++) {
    const r = await get(url, cookie, true);
    const problem = check(r.status, r.body);
    if (problem) throw new Error(`GET ${url}: ${problem}`);
  }
  const totals: number[] = [];
  const ttfbs: number[] = [];
  let bytes = 0;
  const load0 = loadavg();
  for (let i = 0; i < runs && Date.now() < deadline; i++) {
    const r = await get(url, cookie);
    if (r.status !== 200) throw new Error(`GET ${url}: status ${r.status}`);
    totals.push(r.totalMs);
    ttfbs.push(r.ttfbMs);
    bytes = r.bytes;
  }
  return {
    runs: totals.length,
    medianMs: round(median(totals)),
    p90Ms: round(percentile(totals, 90)),
    ttfbMedianMs: round(median(ttfbs)),
    bytes,
    loadavg: Math.max(load0, loadavg()),
  };
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

// ---------------------------------------------------------------------------------------------------------------
// Scenarios

type TCtx = {
  size: TSize;
  server: TServer;
  manifest: TManifest;
  cookies: string[];
  quick: boolean;
  db: import("../../lib/db/client").Db;
};

async function cookiesFor(manifest: TManifest, secret: string, db: TCtx["db"]): Promise<string[]> {
  // Up to 8 team members, admin first (every role may annotate); sessionVersion is 0 in generated data. Each token
  // names a real session row, as a login would make: the server refuses tokens without one.
  const expiresAt = new Date(Date.now() + 12 * 60 * 60 * 1000);
  return Promise.all(
    manifest.users.slice(0, 8).map(async (u) => {
      const sid = randomBytes(24).toString("base64url");
      await db.session.create({ data: { id: sid, userId: u.id, expiresAt } });
      const token = await encode({ token: { sub: u.id, uid: u.id, sv: 0, sid, email: u.email, name: u.name }, secret });
      return `next-auth.session-token=${token}`;
    }),
  );
}

async function readScenarios(ctx: TCtx) {
  const { base } = ctx.server;
  const cookie = ctx.cookies[0]!;
  const hot = ctx.manifest.hotArticle;
  const runs = ctx.quick ? 5 : 21;
  say(`${ctx.size}: article page and annotations list (article with ${hot.annotations} annotations)`);
  const articlePage = await timeGets(`${base}/articles/${hot.id}`, cookie, runs, (status, body) =>
    status !== 200 ? `status ${status}` : body.includes("data-testid=\"article-title\"") ? null : "not the article page",
  );
  const annotationsList = await timeGets(`${base}/api/articles/${hot.id}/annotations`, cookie, runs, (status, body) => {
    if (status !== 200) return `status ${status}`;
    const n = (JSON.parse(body) as { annotations: unknown[] }).annotations.length;
    return n === hot.annotations ? null : `${n} annotations, expected ${hot.annotations}`;
  });
  say(`${ctx.size}: scores by outlet and the /scores dashboard`);
  const scoresByOutlet = await timeGets(`${base}/api/scores?groupBy=outlet`, cookie, runs, (status, body) =>
    status !== 200 ? `status ${status}` : (JSON.parse(body) as { groups: unknown[] }).groups.length > 0 ? null : "no groups",
  );
  const dashboard = await timeGets(`${base}/scores`, cookie, runs, (status, body) =>
    status !== 200 ? `status ${status}` : body.includes("outlet-scores") ? null : "not the dashboard",
  );
  // Not in the target list, but "lists paginate with cursors and stay fast at M": the first page of each.
  say(`${ctx.size}: first page of the article list and of the review queue`);
  const articleList = await timeGets(`${base}/api/articles`, cookie, runs, (status) => (status === 200 ? null : `status ${status}`));
  const reviewQueue = await timeGets(`${base}/api/review-queue?limit=20`, ctx.cookies[1] ?? cookie, ctx.quick ? 3 : 11, (status, body) =>
    status !== 200 ? `status ${status}` : (JSON.parse(body) as { items: unknown[] }).items.length > 0 ? null : "empty queue",
  );
  return { articlePage, annotationsList, scoresByOutlet, dashboard, articleList, reviewQueue };
}

// CSV export: curl downloads to /dev/null (asynchronously, so the RSS sampler keeps running), then sqlite3 -csv.
async function measureExport(ctx: TCtx, dbFile: string) {
  const { base } = ctx.server;
  const url = `${base}/api/export/annotations.csv`;
  const probe = await new Promise<number>((resolve, reject) => {
    const req = http.get(url, { headers: { cookie: ctx.cookies[0]! } }, (res) => {
      resolve(res.statusCode ?? 0);
      res.destroy();
    });
    req.on("error", reject);
  });
  if (probe === 404) {
    say(`${ctx.size}: CSV export SKIPPED: GET /api/export/annotations.csv answers 404 (the route is not there yet)`);
    return { skipped: "GET /api/export/annotations.csv answered 404: the export route is not built yet" } as const;
  }
  if (probe !== 200) throw new Error(`GET /api/export/annotations.csv answered ${probe}`);
  const rows = await ctx.db.annotation.count({ where: { article: { teamId: ctx.manifest.teamId } } });
  const runs = ctx.quick ? 1 : 3;
  say(`${ctx.size}: CSV export of ${rows} annotations, ${runs} run(s) each: the app, then sqlite3 -csv`);

  const appRuns: { seconds: number; bytes: number; rssGrowthMB: number; loadavg: number }[] = [];
  for (let i = 0; i < runs; i++) {
    await sleep(2000);
    const rssBase = median([treeRss(ctx.server.pid), treeRss(ctx.server.pid), treeRss(ctx.server.pid)]);
    let peak = rssBase;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRss(ctx.server.pid))), 20);
    const load0 = loadavg();
    const out = await runAsync("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code} %{size_download} %{time_total}", "--max-time", "900", "-H", `Cookie: ${ctx.cookies[0]!}`, url], 960_000);
    clearInterval(sampler);
    const [code, bytes, seconds] = out.stdout.trim().split(" ");
    if (code !== "200") throw new Error(`CSV export answered ${code}: ${out.stderr}`);
    appRuns.push({ seconds: Number(seconds), bytes: Number(bytes), rssGrowthMB: round((peak - rssBase) / 1e6), loadavg: Math.max(load0, loadavg()) });
    say(`  app run ${i + 1}: ${Number(seconds).toFixed(2)} s, ${(Number(bytes) / 1e6).toFixed(0)} MB, RSS +${round((peak - rssBase) / 1e6)} MB`);
  }

  // The equivalent of the route's query (lib/db/export-query.ts), with the team bound, through Debian's sqlite3 CLI.
  // The app reads titles and annotators once each (exportLookups); the CLI gets them the plain way, joined in.
  const { exportFrom } = await import("../../lib/db/export-query");
  const { from, params } = exportFrom({ teamId: ctx.manifest.teamId }, { withUser: true });
  const sql = `SELECT an."id", an."articleId", ar."title", ar."outlet", u."email", u."name", an."tag", an."start", an."end",
    an."quote", an."note", an."status", an."agreeCount", an."disagreeCount", an."createdAt", an."updatedAt"${from}`;
  const literal = sql.replace("?", `'${String(params[0]).replace(/'/g, "''")}'`);
  const cliRuns: { seconds: number; bytes: number }[] = [];
  for (let i = 0; i < runs; i++) {
    await sleep(1000);
    const t = performance.now();
    const out = await runAsync("sh", ["-c", `sqlite3 -readonly -csv -header "$0" "$1" | wc -c`, dbFile, literal], 900_000);
    const seconds = (performance.now() - t) / 1000;
    cliRuns.push({ seconds: round(seconds, 3), bytes: Number(out.stdout.trim()) });
    say(`  sqlite3 -csv run ${i + 1}: ${seconds.toFixed(2)} s, ${(Number(out.stdout.trim()) / 1e6).toFixed(0)} MB`);
  }
  const appSeconds = median(appRuns.map((r) => r.seconds));
  const cliSeconds = median(cliRuns.map((r) => r.seconds));
  return {
    rows,
    app: {
      runs: appRuns,
      medianSeconds: round(appSeconds, 2),
      rowsPerSecond: Math.round(rows / appSeconds),
      bytes: appRuns[0]!.bytes,
      peakRssGrowthMB: Math.max(...appRuns.map((r) => r.rssGrowthMB)),
      medianRssGrowthMB: median(appRuns.map((r) => r.rssGrowthMB)),
    },
    sqlite3: { runs: cliRuns, medianSeconds: round(cliSeconds, 2), rowsPerSecond: Math.round(rows / cliSeconds), bytes: cliRuns[0]!.bytes },
    ratio: round(appSeconds / cliSeconds, 2),
    loadavg: Math.max(...appRuns.map((r) => r.loadavg)),
  };
}

function runAsync(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => (stdout += c));
    child.stderr.on("data", (c) => (stderr += c));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${cmd} timed out after ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

type TStack = "product" | "bare";

async function wrkRun(ctx: TCtx, stack: TStack, connections: number, seconds: number, targetsFile: string, seed: number) {
  const before = await ctx.db.annotation.count();
  const ackPrefix = path.join(TMP, `acks-${ctx.size}-${stack}-`);
  for (const t of [1, 2]) rmSync(`${ackPrefix}${t}.txt`, { force: true });
  const load0 = loadavg();
  const out = await runAsync(
    "wrk",
    ["-t2", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-s", LUA, ctx.server.base, "--", targetsFile, stack, String(seed), ackPrefix],
    (seconds + 60) * 1000,
  );
  const line = out.stdout.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  if (!line) throw new Error(`wrk printed no result (exit ${out.code}): ${out.stdout}\n${out.stderr}`);
  const r = JSON.parse(line.slice("BENCH_RESULT ".length)) as {
    requests: number;
    duration_us: number;
    created: number;
    createdPerThread: number[];
    existing: number;
    failed: number;
    errors: Record<string, number>;
    latency_us: { mean: number; p50: number; p90: number; p99: number; max: number };
  };
  // Every acknowledged create must be stored. Wait for requests wrk abandoned at its deadline, then look each
  // acknowledged one up by what identifies it (its unique note for the app, its id for the bare stack).
  await sleep(1500);
  const after = await ctx.db.annotation.count();
  const acks = [1, 2].flatMap((t) => {
    const f = `${ackPrefix}${t}.txt`;
    return existsSync(f) ? readFileSync(f, "utf8").split("\n").filter(Boolean) : [];
  });
  const storedKeys = new Set(
    stack === "bare"
      ? (await ctx.db.annotation.findMany({ where: { note: "bench-bare" }, select: { id: true } })).map((a) => a.id)
      : (await ctx.db.annotation.findMany({ where: { note: { startsWith: "bench-load " } }, select: { note: true } })).map((a) => a.note),
  );
  const missing = acks.filter((k) => !storedKeys.has(k)).length;
  const stored = after - before;
  const run: TCreateRun = {
    stack,
    connections,
    seconds: r.duration_us / 1e6,
    requests: r.requests,
    rps: round(r.requests / (r.duration_us / 1e6)),
    created: r.created,
    createdPerThread: r.createdPerThread,
    existing: r.existing,
    failed: r.failed,
    socketErrors: r.errors.connect! + r.errors.read! + r.errors.write! + r.errors.timeout!,
    p50Ms: round(r.latency_us.p50 / 1000),
    p90Ms: round(r.latency_us.p90 / 1000),
    p99Ms: round(r.latency_us.p99 / 1000),
    maxMs: round(r.latency_us.max / 1000),
    stored,
    acknowledged: acks.length,
    acknowledgedMissing: missing,
    // A create wrk abandoned at its deadline may still be stored without an acknowledgement: stored >= created.
    allAcknowledgedStored: missing === 0 && acks.length === r.created && stored >= r.created,
    loadavg: Math.max(load0, loadavg()),
  };
  if (out.stderr.trim()) process.stderr.write(out.stderr);
  await cleanup(ctx, stack);
  return run;
}

/** Removes what a load run created, and brings the touched articles' cached scores back in step. */
async function cleanup(ctx: TCtx, stack: TStack) {
  const note = stack === "bare" ? "bench-bare" : "bench-load";
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

async function createScenarios(ctx: TCtx) {
  const targetsFile = path.join(TMP, `targets-${ctx.size}.txt`);
  writeFileSync(
    targetsFile,
    [...ctx.cookies.map((c) => `C ${c}`), ...ctx.manifest.targets.map((t) => `A ${t.id} ${t.length}`)].join("\n") + "\n",
  );
  const probe = await fetchStatus(`${ctx.server.base}/api/bench-bare`, ctx.cookies[0]!);
  const bareAvailable = probe !== 404;
  if (!bareAvailable) {
    say(
      `${ctx.size}: BARE STACK UNAVAILABLE: POST /api/bench-bare answered 404 — next.config.js needs ` +
        `pageExtensions: process.env.BENCH_ROUTES === "1" ? ["bench.ts", "tsx", "ts"] : ["tsx", "ts"]`,
    );
  }
  const runs = ctx.quick ? 1 : 3;
  const seconds = ctx.quick ? 5 : 10;
  const results: Record<string, { product: TCreateRun[]; bare: TCreateRun[] }> = {};
  let seed = 1;
  for (const connections of [8, 64]) {
    say(`${ctx.size}: annotation create, ${connections} connections, ${runs} × ${seconds} s per stack (wrk)`);
    const stacks: TStack[] = bareAvailable ? ["product", "bare"] : ["product"];
    // Warm-up (not recorded): JIT, connection pools, page cache.
    for (const stack of stacks) await wrkRun(ctx, stack, connections, 3, targetsFile, seed++);
    const entry = { product: [] as TCreateRun[], bare: [] as TCreateRun[] };
    for (let i = 0; i < runs; i++) {
      for (const stack of stacks) {
        const run = await wrkRun(ctx, stack, connections, seconds, targetsFile, seed++);
        entry[stack].push(run);
        say(
          `  ${stack.padEnd(7)} run ${i + 1}: ${run.rps} req/s, p50 ${run.p50Ms} ms, p99 ${run.p99Ms} ms, ` +
            `${run.created} × 201 (${run.acknowledgedMissing} of them missing), ${run.stored} rows added, ` +
            `${run.failed + run.socketErrors} failed, load ${run.loadavg}`,
        );
      }
    }
    results[String(connections)] = entry;
  }
  return { bareAvailable, byConnections: results };
}

function fetchStatus(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = "{}";
    const req = http.request(url, { method: "POST", headers: { cookie, "content-type": "application/json", "content-length": body.length } }, (res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    req.on("error", reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Profile mode

async function profile(opts: TOptions) {
  const size = opts.sizes.at(-1)!;
  const scenario = opts.profile!;
  const { file, manifest } = dataFor(size, opts.regenerate, opts.data);
  const work = path.join(TMP, `run-${size}.db`);
  copyDb(file, work);
  const dir = path.join(TMP, "prof", `${size}-${scenario}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const server = await startServer(work, path.join(dir, "server.log"), dir);
  const { getDb } = await loadDb(work);
  const ctx: TCtx = { size, server, manifest, cookies: await cookiesFor(manifest, server.secret, getDb()), quick: true, db: getDb() };
  try {
    say(`Profiling ${scenario} at ${size}…`);
    if (scenario === "create" || scenario === "bare") {
      const targetsFile = path.join(TMP, `targets-${size}.txt`);
      writeFileSync(targetsFile, [...ctx.cookies.map((c) => `C ${c}`), ...manifest.targets.map((t) => `A ${t.id} ${t.length}`)].join("\n") + "\n");
      const run = await wrkRun(ctx, scenario === "bare" ? "bare" : "product", 64, 10, targetsFile, 99);
      say(`  ${run.rps} req/s, p99 ${run.p99Ms} ms`);
    } else if (scenario === "export") {
      await measureExport({ ...ctx, quick: true }, work);
    } else {
      const urls: Record<string, string> = {
        article: `/articles/${manifest.hotArticle.id}`,
        annotations: `/api/articles/${manifest.hotArticle.id}/annotations`,
        scores: "/api/scores?groupBy=outlet",
        articles: "/api/articles",
        queue: "/api/review-queue?limit=20",
        dashboard: "/scores",
      };
      if (!urls[scenario]) throw new Error(`Unknown scenario ${scenario}`);
      const t = await timeGets(server.base + urls[scenario], ctx.cookies[0]!, 40, (s) => (s === 200 ? null : `status ${s}`));
      say(`  median ${t.medianMs} ms`);
    }
  } finally {
    await ctx.db.$disconnect();
    await stopServer(server);
  }
  await sleep(1000);
  const files = readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  if (!files.length) throw new Error(`No .cpuprofile in ${dir} (did the server exit cleanly?)`);
  const { summarizeProfile } = await import("./profile-summary");
  const biggest = files.map((f) => path.join(dir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0]!;
  console.log(summarizeProfile(biggest));
  say(`Profile: ${path.relative(ROOT, biggest)} (open in Chrome DevTools › Performance, or speedscope)`);
}

// ---------------------------------------------------------------------------------------------------------------

function copyDb(from: string, to: string) {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(to + suffix, { force: true });
  copyFileSync(from, to);
}

async function loadDb(file: string) {
  process.env.DATABASE_URL = `file:${file}`;
  return import("../../lib/db/client");
}

async function benchSize(size: TSize, opts: TOptions): Promise<TSizeResults> {
  const { file, manifest, generatedNow } = dataFor(size, opts.regenerate, opts.data);
  // Data generated before a newer migration (an index, say) is brought up to date once, in place.
  const applied = await migrateDatabase(`file:${file}`);
  if (applied.length) say(`${size}: applied ${applied.join(", ")} to ${path.relative(ROOT, file)}`);
  const work = path.join(TMP, `run-${size}.db`);
  copyDb(file, work);
  const serverLog = path.join(TMP, `server-${size}.log`);
  const server = await startServer(work, serverLog);
  say(`${size}: server pid ${server.pid} on ${server.base}`);
  const { getDb } = await loadDb(work);
  const ctx: TCtx = { size, server, manifest, cookies: await cookiesFor(manifest, server.secret, getDb()), quick: opts.quick, db: getDb() };
  try {
    const rssAtStartMB = round(treeRss(server.pid) / 1e6);
    const want = (s: TScenario) => !opts.only || opts.only.includes(s);
    const reads = want("reads") ? await readScenarios(ctx) : null;
    const csvExport = want("export") ? await measureExport(ctx, work) : { skipped: "not measured in this run (--only)" };
    const create = want("create") ? await createScenarios(ctx) : { bareAvailable: false, byConnections: {} };
    return {
      size,
      date: new Date().toISOString(),
      quick: opts.quick,
      data: {
        ...manifest.counts,
        articleChars: manifest.articleChars,
        spanCodePoints: manifest.spanCodePoints,
        fileMB: round(manifest.fileBytes / 1e6),
        generationSeconds: round(manifest.generationSeconds),
        generatedThisRun: generatedNow,
        hotArticleAnnotations: manifest.hotArticle.annotations,
      },
      serverRssAtStartMB: rssAtStartMB,
      ...(reads ?? {}),
      csvExport,
      create,
    };
  } finally {
    await ctx.db.$disconnect();
    await stopServer(server);
    for (const suffix of ["", "-wal", "-shm"]) rmSync(work + suffix, { force: true });
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.render) {
    const report = renderReport(JSON.parse(readFileSync(RESULTS_FILE, "utf8")) as TResults);
    writeFileSync(README_FILE, report);
    console.log(report);
    return;
  }
  ensureTools();
  if (opts.profile) {
    if (!opts.skipBuild) build();
    return profile(opts);
  }
  const started = new Date().toISOString();
  const experiment = opts.only !== null || opts.data !== null;
  const mach = machine();
  const buildSeconds = opts.skipBuild ? null : round(build());
  const previous: Partial<TResults> = !experiment && existsSync(RESULTS_FILE) ? JSON.parse(readFileSync(RESULTS_FILE, "utf8")) : {};
  const results: TResults = {
    command: `npx tsx scripts/bench/run.ts ${process.argv.slice(2).join(" ")}`.trim(),
    started,
    machine: mach,
    buildSeconds,
    sizes: { ...(previous.sizes ?? {}) },
  };
  for (const size of opts.sizes) {
    results.sizes[size] = { ...(await benchSize(size, opts)), machine: mach, command: results.command };
    writeFileSync(experiment ? path.join(TMP, "experiment.json") : RESULTS_FILE, JSON.stringify(results, null, 2) + "\n");
  }
  const report = renderReport(results);
  writeFileSync(experiment ? path.join(TMP, "experiment.md") : README_FILE, report);
  console.log(`\n${report}`);
  say(`Wrote ${path.relative(ROOT, experiment ? path.join(TMP, "experiment.json") : RESULTS_FILE)} and ${path.relative(ROOT, experiment ? path.join(TMP, "experiment.md") : README_FILE)}`);
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
