// The markdown table printed by scripts/bench/run.ts (also bench/README.md), from the shapes in results.ts.
import { HOT_ROWS } from "./report-hot";
import { LIVE_ROWS } from "./report-live";
import { createSummary } from "./report-summary";
import { ANNOTATOR_MINUTE, capacity, PLANNED_UTILIZATION } from "./workload";
import { RUN_KEYS, type TExportDone, type TResults, type TRunKey, type TRunResults, type TTimed } from "./results";
import type { TProbe } from "./store-probe";

export type { TCreateResults, TCreateRun, TExportResult, TResults, TRunResults, TTimed } from "./results";

const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "—");
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "—");
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "—");

/** The create targets, per database: app/bare throughput at 64 clients, and (SQLite) p99 at 8 clients. */
export const TARGETS = { ratio64: { sqlite: 0.8, postgresql: 0.7 }, p99At8Ms: { sqlite: 50, postgresql: null } } as const;

function verdict(ok: boolean | null, miss: string): string {
  if (ok === null) return "";
  return ok ? " ✅" : ` ❌ ${miss}`;
}

type TRow = { label: string; target: string; cell: (r: TRunResults) => string };

const runsOf = (r: TRunResults, c: string, stack: "product" | "bare") => r.create.byConnections[c]?.[stack] ?? [];

function databaseCost(s: ReturnType<typeof createSummary>, withIdle: boolean): string {
  if (!Number.isFinite(s.backendCpuMs)) return "—";
  const idle = withIdle ? `, ${f2(s.idleInTransactionMs)} ms idle in transaction` : "";
  return `${f2(s.backendCpuMs)} ms CPU, ${f2(s.activeMs)} ms active${idle}, ${f1(s.commits)} commits, ${f0(s.walBytes)} B WAL`;
}

const createRows = (c: "8" | "64"): TRow[] => [
  {
    label: `Create, ${c} clients: app (req/s · p50 · p99)`,
    target: c === "8" ? `p99 ≤ ${TARGETS.p99At8Ms.sqlite} ms (SQLite)` : "",
    cell: (r) => {
      const runs = runsOf(r, c, "product");
      if (!runs.length) return "—";
      const s = createSummary(runs);
      const base = `${f0(s.rps)} · ${f1(s.p50Ms)} ms · ${f1(s.p99Ms)} ms`;
      const target = TARGETS.p99At8Ms[r.database];
      return c === "8" && target !== null ? base + verdict(s.p99Ms <= target, `(+${f0(s.p99Ms - target)} ms)`) : base;
    },
  },
  {
    label: `Create, ${c} clients: bare stack (req/s · p50 · p99)`,
    target: "",
    cell: (r) => {
      const runs = runsOf(r, c, "bare");
      if (!runs.length) return r.create.bareAvailable || !Object.keys(r.create.byConnections).length ? "—" : "not in this build: POST /api/bench-bare answered 404 (BENCH_ROUTES / pageExtensions)";
      const s = createSummary(runs);
      return `${f0(s.rps)} · ${f1(s.p50Ms)} ms · ${f1(s.p99Ms)} ms`;
    },
  },
  {
    label: `Create, ${c} clients: app / bare throughput`,
    target: c === "64" ? `≥ ${TARGETS.ratio64.sqlite}x (SQLite), ≥ ${TARGETS.ratio64.postgresql}x (PostgreSQL)` : "",
    cell: (r) => {
      const p = runsOf(r, c, "product");
      const b = runsOf(r, c, "bare");
      if (!p.length || !b.length) return "—";
      const ratio = createSummary(p).rps / createSummary(b).rps;
      const target = TARGETS.ratio64[r.database];
      return `${f2(ratio)}x` + (c === "64" ? verdict(ratio >= target, `(${f0(((target - ratio) * 100) / target)}% short)`) : "");
    },
  },
  {
    label: `Create, ${c} clients, per request: server process CPU (app · bare)`,
    target: "",
    cell: (r) => {
      const [p, b] = [createSummary(runsOf(r, c, "product")), createSummary(runsOf(r, c, "bare"))];
      return `${f2(p.serverCpuMs)} ms · ${f2(b.serverCpuMs)} ms`;
    },
  },
  {
    label: `Create, ${c} clients, per request: database (app · bare)`,
    target: "",
    cell: (r) =>
      r.database === "sqlite"
        ? "in the server's process (counted above); alone: see the create path below"
        : `app: ${databaseCost(createSummary(runsOf(r, c, "product")), true)} · bare: ${databaseCost(createSummary(runsOf(r, c, "bare")), false)}`,
  },
  {
    label: `Create, ${c} clients: machine cores busy, all processes (app · bare); wrk CPU per request`,
    target: "",
    cell: (r) => {
      const [p, b] = [createSummary(runsOf(r, c, "product")), createSummary(runsOf(r, c, "bare"))];
      return `${f2(p.busyCores)} · ${f2(b.busyCores)}; wrk ${f2(p.wrkCpuMs)} · ${f2(b.wrkCpuMs)} ms`;
    },
  },
];

function probeCell(p: TProbe | undefined, unit: "ms" | "µs"): string {
  if (!p) return "—";
  const k = unit === "µs" ? 1000 : 1;
  const per = (x: number) => (unit === "µs" ? f0((x * k) / p.calls) : f2(x / p.calls));
  const db = p.cost.database ? ` · backends ${per(p.cost.database.backendCpuMs)} ${unit} CPU, ${per(p.cost.database.activeMs)} ${unit} active` : "";
  return `${unit === "µs" ? f0(p.wallMsPerCall * 1000) : f2(p.wallMsPerCall)} ${unit} wall · ${per(p.cost.processCpuMs)} ${unit} CPU${db}`;
}

type TTimedKey =
  | "articlePage"
  | "annotationsList"
  | "scoresByOutlet"
  | "dashboard"
  | "articleList"
  | "reviewQueue"
  | "articlePageTypical"
  | "articleScoreTypical"
  | "articleScore"
  | "review";
const timedRow = (label: string, key: TTimedKey, target: number | null, mOnly: boolean): TRow => ({
  label,
  target: target === null ? "(no target)" : `≤ ${target} ms${mOnly ? " at M" : ""}`,
  cell: (r) => {
    const t: TTimed | undefined = r[key];
    if (!t) return "—";
    const cpu = t.serverCpuMsPerRequest === undefined ? "" : `; CPU ${f1(t.serverCpuMsPerRequest)} ms${t.databaseCpuMsPerRequest === undefined ? "" : ` + db ${f1(t.databaseCpuMsPerRequest)} ms`}`;
    const base = `${f1(t.medianMs)} ms (p90 ${f1(t.p90Ms)}, ${f0(t.bytes / 1024)} KiB${cpu})`;
    return target === null || (mOnly && r.size !== "M") ? base : base + verdict(t.medianMs <= target, `(+${f0(t.medianMs - target)} ms)`);
  },
});

/** The reason an export was skipped is given once, in the first export row. */
const exportCell = (r: TRunResults, pick: (e: TExportDone, isM: boolean) => string, first = false) =>
  "skipped" in r.csvExport ? (first ? `skipped: ${r.csvExport.skipped}` : "skipped (see above)") : pick(r.csvExport, r.size === "M");

const ROWS: TRow[] = [
  ...createRows("8"),
  ...createRows("64"),
  ...HOT_ROWS,
  ...LIVE_ROWS,
  {
    label: "Every acknowledged (2xx) create stored",
    target: "all",
    cell: (r) => {
      const live = Object.values(r.liveEvents?.byConnections ?? {}).flatMap((e) => [...e.none, ...e.streams]);
      const all = [r.create.byConnections, r.hotArticle?.fresh ?? {}, r.hotArticle?.hot ?? {}].flatMap((by) => Object.values(by).flatMap((e) => [...e.product, ...e.bare])).concat(live);
      if (!all.length) return "—";
      const created = all.reduce((a, x) => a + x.created, 0);
      const stored = all.reduce((a, x) => a + x.stored, 0);
      const failed = all.reduce((a, x) => a + x.failed + x.socketErrors, 0);
      const missing = all.reduce((a, x) => a + (x.acknowledgedMissing ?? 0), 0);
      return (
        `${all.every((x) => x.allAcknowledgedStored) ? "yes" : "NO"}: each of ${f0(created)} × 201 looked up, ${f0(missing)} missing; ${f0(stored)} rows added` +
        (failed ? `, ${f0(failed)} failed/socket errors` : ", 0 errors") +
        verdict(all.every((x) => x.allAcknowledgedStored), "")
      );
    },
  },
  { label: "Create path alone, 8 in flight (createAnnotation in-process, no HTTP), per create", target: "", cell: (r) => probeCell(r.create.alone?.create["8"], "ms") },
  { label: "Create path alone, 64 in flight, per create", target: "", cell: (r) => probeCell(r.create.alone?.create["64"], "ms") },
  { label: "Session lookup alone (store.sessionUser, one at a time), per call", target: "", cell: (r) => probeCell(r.create.alone?.session, "µs") },
  timedRow("Article page `/articles/{id}`, 1,000 annotations (full response)", "articlePage", 150, false),
  timedRow("`GET /api/articles/{id}/annotations`, 1,000 annotations", "annotationsList", 150, false),
  timedRow("`GET /api/scores?groupBy=outlet`", "scoresByOutlet", 300, true),
  timedRow("`/scores` dashboard (full response)", "dashboard", 300, true),
  timedRow("`GET /api/articles` (first page, 200 articles)", "articleList", null, false),
  timedRow("`GET /api/review-queue?limit=20` (first page, as a reviewer)", "reviewQueue", null, false),
  timedRow("Article page, a typical article (the create targets' median annotation count)", "articlePageTypical", null, false),
  timedRow("`GET /api/articles/{id}/score` (score panel: on page load and after every change), typical article", "articleScoreTypical", null, false),
  timedRow("`GET /api/articles/{id}/score`, 1,000 annotations", "articleScore", null, false),
  timedRow("`POST /api/annotations/{id}/reviews` (a reviewer agrees; one client, each on another annotation)", "review", null, false),
  {
    label: "CSV export, all annotations: app (time · rows/s)",
    target: "",
    cell: (r) => exportCell(r, (e) => `${f2(e.app.medianSeconds)} s · ${f0(e.app.rowsPerSecond)} rows/s (${f0(e.rows)} rows, ${f0(e.app.bytes / 1e6)} MB)`, true),
  },
  {
    label: "CSV export: the database's own CSV of the same SELECT (`sqlite3 -csv`; psql `\\copy … csv`) (time · rows/s)",
    target: "",
    cell: (r) => exportCell(r, (e) => `${f2(e.databaseCsv.medianSeconds)} s · ${f0(e.databaseCsv.rowsPerSecond)} rows/s (${f0(e.databaseCsv.bytes / 1e6)} MB)`),
  },
  {
    label: "CSV export: app / database CSV time",
    target: "≤ 2x at M",
    cell: (r) => exportCell(r, (e, isM) => `${f2(e.ratio)}x` + (isM ? verdict(e.ratio <= 2, `(${f2(e.ratio / 2)}x the target)`) : "")),
  },
  {
    label: "CSV export: server peak RSS growth",
    target: "≤ 100 MB at M",
    cell: (r) =>
      exportCell(r, (e, isM) => `${f0(e.app.peakRssGrowthMB)} MB (highest of the runs; median ${f0(e.app.medianRssGrowthMB)} MB)` + (isM ? verdict(e.app.peakRssGrowthMB <= 100, `(+${f0(e.app.peakRssGrowthMB - 100)} MB)`) : "")),
  },
  { label: "Database on disk after generation (SQLite file; PostgreSQL pg_database_size)", target: "", cell: (r) => `${f0(r.data.fileMB)} MB` },
  {
    label: "Generated data, bytes per row with indexes (Annotation · Review · Article with its body)",
    target: "",
    cell: (r) => {
      const g = r.storage?.generated;
      return g ? ["Annotation", "Review", "Article"].map((t) => (g[t] ? f0(g[t].bytesPerRow) : "—")).join(" · ") : "—";
    },
  },
  {
    label: "Growth per create, indexes included (Annotation · AuditEvent · other tables)",
    target: "",
    cell: (r) => {
      const b = r.storage?.bytesPerCreate;
      if (!b) return "—";
      const other = Object.entries(b).filter(([t]) => t !== "Annotation" && t !== "AuditEvent");
      return `${f0(b.Annotation ?? 0)} · ${f0(b.AuditEvent ?? 0)} · ${other.length ? other.map(([t, x]) => `${t} ${f0(x)}`).join(", ") : "0"} B`;
    },
  },
  { label: "Server RSS at start", target: "", cell: (r) => `${f0(r.serverRssAtStartMB)} MB` },
  {
    label: "Load average (1, 5, 15 min) at the start and end of this column's run; highest 1-min during the create runs",
    target: "",
    cell: (r) =>
      `${r.loadavg ? `${r.loadavg.start} → ${r.loadavg.end}; ` : ""}${f1(Math.max(0, ...Object.values(r.create.byConnections).flatMap((e) => [...e.product, ...e.bare].map((x) => x.loadavg))))}`,
  },
];

const DATABASE_NAMES = { sqlite: "SQLite", postgresql: "PostgreSQL" } as const;
const columnName = (key: TRunKey) => `${DATABASE_NAMES[key.split("/")[0] as "sqlite" | "postgresql"]} ${key.split("/")[1]}`;

export function renderReport(results: TResults): string {
  const keys = RUN_KEYS.filter((k) => results.runs[k]);
  const lines: string[] = [];
  lines.push("# Benchmark: scale and speed", "");
  lines.push(
    "Generated by `npm run bench` (`npx tsx scripts/bench/run.ts [--db sqlite|postgresql|sqlite,postgresql] [--size S|M] [--quick]`); raw figures in `results.json`.",
    "",
  );
  for (const k of keys) {
    const r = results.runs[k]!;
    const m = r.machine ?? results.machine;
    const versions = r.database === "postgresql" ? `PostgreSQL ${m.postgresql ?? "?"}` : `sqlite3 ${m.sqlite3}`;
    lines.push(
      `- **${columnName(k)}** measured ${r.date.slice(0, 16).replace("T", " ")} UTC${r.quick ? " (**--quick**: one short run each, not figures to quote)" : ""} with \`${r.command ?? results.command}\` — ` +
        `${m.nproc} cores (${m.cpu}), ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os}, ${m.wrk}, ${versions}; load average at the start of the command ${m.loadavgAtStart}.`,
    );
  }
  if (results.buildSeconds !== null) lines.push(`- Production build (\`next build\`, BENCH_ROUTES=1, into .next-bench): ${f0(results.buildSeconds)} s.`);
  lines.push("");
  lines.push(
    "Data: " +
      keys
        .map((k) => {
          const d = results.runs[k]!.data;
          return `${columnName(k)} = ${f0(d.articles)} articles, ${f0(d.annotations)} annotations, ${f0(d.users)} users, ${f0(d.reviews)} reviews, ${f0(d.fileMB)} MB (generated in ${f0(d.generationSeconds)} s)`;
        })
        .join("; ") + ".",
    "",
  );
  lines.push(`| Measure | Target | ${keys.map(columnName).join(" | ")} |`, `| --- | --- | ${keys.map(() => "---").join(" | ")} |`);
  for (const row of ROWS) lines.push(`| ${row.label} | ${row.target} | ${keys.map((k) => row.cell(results.runs[k]!)).join(" | ")} |`);
  lines.push("");
  lines.push(
    "## What one instance serves",
    "",
    `Workload model (docs/scaling.md): one busy annotator per minute = ${ANNOTATOR_MINUTE.map((w) => `${w.perMinute} × ${w.request}`).join("; ")}. ` +
      `Each request costs the CPU per request measured above (a create: the 8-client load run's; the others: the one-client timings). ` +
      `An instance is planned at ${PLANNED_UTILIZATION * 100}% of one core (Node runs the app on one thread).`,
    "",
    `| Per busy annotator | ${keys.map(columnName).join(" | ")} |`,
    `| --- | ${keys.map(() => "---").join(" | ")} |`,
  );
  const caps = keys.map((k) => capacity(results.runs[k]!));
  const capRow = (label: string, cell: (c: NonNullable<ReturnType<typeof capacity>>) => string) =>
    lines.push(`| ${label} | ${caps.map((c) => (c ? cell(c) + (c.missing.length ? ` (not measured: ${c.missing.join(", ")})` : "") : "—")).join(" | ")} |`);
  capRow("Requests per minute", (c) => f1(c.requestsPerMinute));
  capRow("Server CPU per minute", (c) => `${f0(c.serverCpuMs)} ms`);
  capRow("Annotators one instance serves", (c) => f0(c.annotatorsPerInstance));
  capRow("PostgreSQL backends' CPU per minute", (c) => (c.databaseCpuMs === null ? "in the server (SQLite)" : `${f0(c.databaseCpuMs)} ms`));
  capRow("Annotators per PostgreSQL core (same utilization)", (c) => (c.annotatorsPerDatabaseCore === null ? "—" : f0(c.annotatorsPerDatabaseCore)));
  lines.push("");
  lines.push(
    "Create: `wrk -t2 -cN`, 3 × 10 s per stack after a 3 s warm-up, app and bare runs alternating; medians of the runs; every request a " +
      "different article (200 articles), span and tag, with a real next-auth session cookie; rows created are counted in the database after " +
      "each run and removed again (scores refreshed). The bare stack is the bench-only `app/api/bench-bare/route.bench.ts`: session check " +
      "(`getToken`) and one INSERT into `Annotation` straight through the driver (better-sqlite3 with the app's pragmas, synchronous = FULL; " +
      "on PostgreSQL a `pg` pool as large as the app's, a prepared statement, autocommit with synchronous_commit on). Both databases commit " +
      "durably.",
    "",
    "Cost per request: CPU is utime + stime from /proc/<pid>/stat, sampled every 250 ms, over each run (until 1.5 s after wrk stops, so " +
      "the requests it abandoned are served too) divided by the requests wrk completed. Server = the `next start` process and its " +
      "descendants. PostgreSQL: the backends whose application_name is the server's (the runner's own connections are named apart), from " +
      "/proc as well; active and idle-in-transaction time and commits are pg_stat_database's counters for the run's database, read 11 s " +
      "after the run (once every backend has reported); WAL is pg_current_wal_lsn's advance, which counts the whole cluster (other databases " +
      "on the server too). pg_stat_statements is not loaded on this server. Machine cores busy: /proc/stat over the run, every process on " +
      "the machine (the server, wrk, PostgreSQL and whatever else was running). The create path alone: `createAnnotation` called 2,000 " +
      "times in the runner's process with 8 or 64 calls in flight against the run's database while the server idles — on SQLite the " +
      "statements, the score refresh and the fsync of each group commit run on the calling thread, so its wall time per create is the " +
      "database's share of a server thread's time; the session lookup likewise, one call at a time.",
    "",
    "Reads: one client, sequential, 21 requests after 3 warm-ups, median (p90) of the full response time, and the server's (and backends') " +
      "CPU over the timed requests (10 ms clock ticks: coarse for requests of a few ms). Export: `curl` to /dev/null, 3 runs, peak VmRSS " +
      "of the server's process tree sampled every 20 ms minus its level before the request; `sqlite3 -readonly -csv -header` or psql " +
      "`\\copy (…) TO STDOUT WITH (FORMAT csv, HEADER)` runs the route's own SELECT (lib/db/export-query.ts) with the names joined in.",
    "",
    "Where a target is missed, what bounds it (CPU profiles) and what would close the gap: `bench/NOTES.md`; what the figures mean for " +
      "deployment: `docs/scaling.md`.",
    "",
  );
  return lines.join("\n");
}
