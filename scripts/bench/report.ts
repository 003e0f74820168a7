// Shapes of bench/results.json and the markdown table printed by scripts/bench/run.ts (also bench/README.md).

export type TTimed = { runs: number; medianMs: number; p90Ms: number; ttfbMedianMs: number; bytes: number; loadavg: number };

export type TCreateRun = {
  stack: "product" | "bare";
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  created: number;
  createdPerThread?: number[];
  existing: number;
  failed: number;
  socketErrors: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  stored: number;
  acknowledged?: number;
  acknowledgedMissing?: number;
  allAcknowledgedStored: boolean;
  loadavg: number;
};

type TExportResult =
  | { skipped: string }
  | {
      rows: number;
      app: { medianSeconds: number; rowsPerSecond: number; bytes: number; peakRssGrowthMB: number; medianRssGrowthMB: number; runs: unknown[] };
      sqlite3: { medianSeconds: number; rowsPerSecond: number; bytes: number; runs: unknown[] };
      ratio: number;
      loadavg: number;
    };

export type TSizeResults = {
  size: "S" | "M";
  date: string;
  quick: boolean;
  machine?: TMachine;
  command?: string;
  data: Record<string, unknown> & { annotations: number; articles: number; users: number; reviews: number; fileMB: number; generationSeconds: number };
  serverRssAtStartMB: number;
  articlePage?: TTimed;
  annotationsList?: TTimed;
  scoresByOutlet?: TTimed;
  dashboard?: TTimed;
  articleList?: TTimed;
  reviewQueue?: TTimed;
  csvExport: TExportResult;
  create: { bareAvailable: boolean; byConnections: Record<string, { product: TCreateRun[]; bare: TCreateRun[] }> };
};

type TMachine = { nproc: number; cpu: string; ramGiB: number; node: string; os: string; wrk: string; sqlite3: string; date: string; loadavgAtStart: string };

export type TResults = {
  command: string;
  started: string;
  machine: TMachine;
  buildSeconds: number | null;
  sizes: Partial<Record<"S" | "M", TSizeResults>>;
};

const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "—");
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "—");
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "—");

/** Medians over the repeated runs of one stack at one concurrency. */
export function createSummary(runs: TCreateRun[]) {
  return {
    rps: med(runs.map((r) => r.rps)),
    p50Ms: med(runs.map((r) => r.p50Ms)),
    p99Ms: med(runs.map((r) => r.p99Ms)),
    created: runs.reduce((a, r) => a + r.created, 0),
    stored: runs.reduce((a, r) => a + r.stored, 0),
    failed: runs.reduce((a, r) => a + r.failed + r.socketErrors, 0),
    allStored: runs.every((r) => r.allAcknowledgedStored),
    loadavg: Math.max(0, ...runs.map((r) => r.loadavg)),
    runs: runs.length,
  };
}

function verdict(ok: boolean | null, miss: string): string {
  if (ok === null) return "";
  return ok ? " ✅" : ` ❌ ${miss}`;
}

function atMost(value: number, target: number, unit: string): string {
  return verdict(value <= target, `(+${f0(value - target)} ${unit}, ${f1(value / target)}x the target)`);
}

type TRow = { label: string; target: string; cell: (r: TSizeResults) => string };

const createRows = (c: "8" | "64"): TRow[] => [
  {
    label: `Create, ${c} clients: app (req/s · p50 · p99)`,
    target: c === "8" ? "p99 ≤ 50 ms" : "",
    cell: (r) => {
      const runs = r.create.byConnections[c]?.product ?? [];
      if (!runs.length) return "—";
      const s = createSummary(runs);
      const base = `${f0(s.rps)} · ${f1(s.p50Ms)} ms · ${f1(s.p99Ms)} ms`;
      return c === "8" ? base + atMost(s.p99Ms, 50, "ms") : base;
    },
  },
  {
    label: `Create, ${c} clients: bare stack (req/s · p50 · p99)`,
    target: "",
    cell: (r) => {
      const runs = r.create.byConnections[c]?.bare ?? [];
      if (!runs.length) return r.create.bareAvailable || !Object.keys(r.create.byConnections).length ? "—" : "not in this build: POST /api/bench-bare answered 404 (BENCH_ROUTES / pageExtensions)";
      const s = createSummary(runs);
      return `${f0(s.rps)} · ${f1(s.p50Ms)} ms · ${f1(s.p99Ms)} ms`;
    },
  },
  {
    label: `Create, ${c} clients: app / bare throughput`,
    target: c === "64" ? "≥ 0.8x" : "",
    cell: (r) => {
      const p = r.create.byConnections[c]?.product ?? [];
      const b = r.create.byConnections[c]?.bare ?? [];
      if (!p.length || !b.length) return "—";
      const ratio = createSummary(p).rps / createSummary(b).rps;
      return `${f2(ratio)}x` + (c === "64" ? verdict(ratio >= 0.8, `(${f0((0.8 - ratio) * 100 / 0.8)}% short)`) : "");
    },
  },
];

type TTimedKey = "articlePage" | "annotationsList" | "scoresByOutlet" | "dashboard" | "articleList" | "reviewQueue";
const timedRow = (label: string, key: TTimedKey, target: number | null, mOnly: boolean): TRow => ({
  label,
  target: target === null ? "(no target)" : `≤ ${target} ms${mOnly ? " at M" : ""}`,
  cell: (r) => {
    const t = r[key];
    if (!t) return "—";
    const base = `${f1(t.medianMs)} ms (p90 ${f1(t.p90Ms)}, ${f0(t.bytes / 1024)} KiB)`;
    return target === null || (mOnly && r.size !== "M") ? base : base + atMost(t.medianMs, target, "ms");
  },
});

const exportCell = (r: TSizeResults, pick: (e: Exclude<TExportResult, { skipped: string }>, isM: boolean) => string) =>
  "skipped" in r.csvExport ? `skipped: ${r.csvExport.skipped}` : pick(r.csvExport, r.size === "M");

const ROWS: TRow[] = [
  ...createRows("8"),
  ...createRows("64"),
  {
    label: "Every acknowledged (2xx) create stored",
    target: "all",
    cell: (r) => {
      const all = Object.values(r.create.byConnections).flatMap((e) => [...e.product, ...e.bare]);
      if (!all.length) return "—";
      const created = all.reduce((a, x) => a + x.created, 0);
      const stored = all.reduce((a, x) => a + x.stored, 0);
      const failed = all.reduce((a, x) => a + x.failed + x.socketErrors, 0);
      const missing = all.reduce((a, x) => a + (x.acknowledgedMissing ?? 0), 0);
      return `${all.every((x) => x.allAcknowledgedStored) ? "yes" : "NO"}: each of ${f0(created)} × 201 looked up, ${f0(missing)} missing; ${f0(stored)} rows added` +
        (failed ? `, ${f0(failed)} failed/socket errors` : ", 0 errors") + verdict(all.every((x) => x.allAcknowledgedStored), "");
    },
  },
  timedRow("Article page `/articles/{id}`, 1,000 annotations (full response)", "articlePage", 150, false),
  timedRow("`GET /api/articles/{id}/annotations`, 1,000 annotations", "annotationsList", 150, false),
  timedRow("`GET /api/scores?groupBy=outlet`", "scoresByOutlet", 300, true),
  timedRow("`/scores` dashboard (full response)", "dashboard", 300, true),
  timedRow("`GET /api/articles` (first page, 200 articles)", "articleList", null, false),
  timedRow("`GET /api/review-queue?limit=20` (first page, as a reviewer)", "reviewQueue", null, false),
  {
    label: "CSV export, all annotations: app (time · rows/s)",
    target: "",
    cell: (r) => exportCell(r, (e) => `${f2(e.app.medianSeconds)} s · ${f0(e.app.rowsPerSecond)} rows/s (${f0(e.rows)} rows, ${f0(e.app.bytes / 1e6)} MB)`),
  },
  {
    label: "CSV export: `sqlite3 -csv`, same SELECT (time · rows/s)",
    target: "",
    cell: (r) => exportCell(r, (e) => `${f2(e.sqlite3.medianSeconds)} s · ${f0(e.sqlite3.rowsPerSecond)} rows/s (${f0(e.sqlite3.bytes / 1e6)} MB)`),
  },
  {
    label: "CSV export: app / sqlite3 time",
    target: "≤ 2x at M",
    cell: (r) => exportCell(r, (e, isM) => `${f2(e.ratio)}x` + (isM ? verdict(e.ratio <= 2, `(${f2(e.ratio / 2)}x the target)`) : "")),
  },
  {
    label: "CSV export: server peak RSS growth",
    target: "≤ 100 MB at M",
    cell: (r) =>
      exportCell(r, (e, isM) => `${f0(e.app.peakRssGrowthMB)} MB (highest of the runs; median ${f0(e.app.medianRssGrowthMB)} MB)` + (isM ? atMost(e.app.peakRssGrowthMB, 100, "MB") : "")),
  },
];

export function renderReport(results: TResults): string {
  const sizes = (["S", "M"] as const).filter((s) => results.sizes[s]);
  const lines: string[] = [];
  lines.push("# Benchmark: scale and speed", "");
  lines.push("Generated by `npm run bench` (`npx tsx scripts/bench/run.ts [--size S|M] [--quick]`); raw figures in `results.json`.", "");
  for (const s of sizes) {
    const r = results.sizes[s]!;
    const m = r.machine ?? results.machine;
    lines.push(
      `- **${s}** measured ${r.date.slice(0, 16).replace("T", " ")} UTC${r.quick ? " (**--quick**: one short run each, not figures to quote)" : ""} with \`${r.command ?? results.command}\` — ` +
        `${m.nproc} cores (${m.cpu}), ${m.ramGiB} GiB RAM, Node ${m.node}, ${m.os}, ${m.wrk}, sqlite3 ${m.sqlite3}; load average at start ${m.loadavgAtStart}.`,
    );
  }
  if (results.buildSeconds !== null) lines.push(`- Production build (\`next build\`, BENCH_ROUTES=1, into .next-bench): ${f0(results.buildSeconds)} s.`);
  lines.push("");
  lines.push(
    "Data: " +
      sizes
        .map((s) => {
          const d = results.sizes[s]!.data;
          return `${s} = ${f0(d.articles)} articles, ${f0(d.annotations)} annotations, ${f0(d.users)} users, ${f0(d.reviews)} reviews, ${f0(d.fileMB)} MB (generated in ${f0(d.generationSeconds)} s)`;
        })
        .join("; ") + ".",
    "",
  );
  lines.push(`| Measure | Target | ${sizes.join(" | ")} |`, `| --- | --- | ${sizes.map(() => "---").join(" | ")} |`);
  for (const row of ROWS) lines.push(`| ${row.label} | ${row.target} | ${sizes.map((s) => row.cell(results.sizes[s]!)).join(" | ")} |`);
  lines.push(
    `| Highest 1-min load average during the create runs (other work on the machine competes for the 2 cores) | | ${sizes
      .map((s) => f1(Math.max(0, ...Object.values(results.sizes[s]!.create.byConnections).flatMap((e) => [...e.product, ...e.bare].map((x) => x.loadavg)))))
      .join(" | ")} |`,
  );
  lines.push("");
  lines.push(
    "Create: `wrk -t2 -cN`, 3 × 10 s per stack after a 3 s warm-up, app and bare runs alternating; medians of the runs; every request a " +
      "different article (200 articles), span and tag, with a real next-auth session cookie; rows created are counted in the database after " +
      "each run and removed again (scores refreshed). The bare stack is the bench-only `app/api/bench-bare/route.bench.ts`: session check " +
      "(`getToken`) and one better-sqlite3 INSERT into `Annotation`. Reads: one client, sequential, 21 requests after 3 warm-ups, median " +
      "(p90) of the full response time. Export: `curl` to /dev/null, 3 runs, peak VmRSS of the server's process tree sampled every 20 ms " +
      "minus its level before the request; `sqlite3 -readonly -csv -header` runs the route's own SELECT (lib/db/export-query.ts).",
    "",
    "Where a target is missed, what bounds it (CPU profiles) and what would close the gap: `bench/NOTES.md`.",
    "",
  );
  return lines.join("\n");
}
