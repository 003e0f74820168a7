// Shapes of bench/results.json (scripts/bench/run.ts writes it, report.ts renders it).
import type { TCost } from "./cost";
import type { TDatabaseKind } from "./database";
import type { TSize } from "./generate";
import type { TStorage } from "./storage";
import type { TProbe } from "./store-probe";

export type TTimed = {
  runs: number;
  medianMs: number;
  p90Ms: number;
  ttfbMedianMs: number;
  bytes: number;
  loadavg: number;
  /** CPU of the server's process tree per timed request. */
  serverCpuMsPerRequest?: number;
  /** PostgreSQL: CPU of the backends serving the server, per timed request. */
  databaseCpuMsPerRequest?: number;
};

/** What every wrk run reports (wrk-figures.ts). */
type TWrkRun = {
  connections: number;
  seconds: number;
  requests: number;
  rps: number;
  failed: number;
  socketErrors: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  loadavg: number;
  cost?: TCost;
};

export type TCreateRun = TWrkRun & {
  stack: "product" | "bare";
  created: number;
  createdPerThread?: number[];
  existing: number;
  stored: number;
  acknowledged?: number;
  acknowledgedMissing?: number;
  allAcknowledgedStored: boolean;
};

export type TCreateResults = {
  bareAvailable: boolean;
  byConnections: Record<string, { product: TCreateRun[]; bare: TCreateRun[] }>;
  /** The create path and the session lookup called in the runner's process, without HTTP. */
  alone?: { create: Record<string, TProbe>; session: TProbe };
};

/** Creates on one article only: fresh (no annotations) and hot (thousands already), app and bare stack. */
export type THotArticleResults = {
  articleLength: number;
  preloaded: number;
  passage: number;
  fresh: Record<string, { product: TCreateRun[]; bare: TCreateRun[] }>;
  hot: Record<string, { product: TCreateRun[]; bare: TCreateRun[] }>;
  /** Verdicts on the article's annotations when it held `fewAnnotations`, and when hot, by connections. */
  reviewsFresh?: Record<string, TReviewRun[]>;
  fewAnnotations?: number;
  reviews?: Record<string, TReviewRun[]>;
  /** Whether the cached counts and score after the concurrent reviews equal a full recompute. */
  cacheExactAfterReviews?: boolean;
};

export type TReviewRun = TWrkRun & { firstReviews: number; replaced: number };

export type TExportDone = {
  rows: number;
  app: { medianSeconds: number; rowsPerSecond: number; bytes: number; peakRssGrowthMB: number; medianRssGrowthMB: number; runs: unknown[] };
  /** The database's own CSV of the same SELECT: `sqlite3 -csv`, or psql's \copy … csv. */
  databaseCsv: { tool?: string; medianSeconds: number; rowsPerSecond: number; bytes: number; runs: unknown[] };
  ratio: number;
  loadavg: number;
};
export type TExportResult = { skipped: string } | TExportDone;

export type TMachine = {
  nproc: number;
  cpu: string;
  ramGiB: number;
  node: string;
  os: string;
  wrk: string;
  sqlite3: string;
  postgresql?: string;
  date: string;
  loadavgAtStart: string;
};

/** Creates with no event streams open and with `streams` open, by connections; and one create's event delay. */
export type TLiveEventResults = {
  streams: number;
  byConnections: Record<string, { none: TCreateRun[]; streams: TCreateRun[] }>;
  /** Events the busiest stream received during one loaded run: the streams were really fed. */
  mostEventsOnOneStream: number;
  /** From a create's answer to its event on another user's stream, with `streams` open. */
  latency: { medianMs: number; p99Ms: number; maxMs: number; timed: number; missed: number };
};

export type TRunResults = {
  database: TDatabaseKind;
  size: TSize;
  date: string;
  quick: boolean;
  machine?: TMachine;
  command?: string;
  data: Record<string, unknown> & { annotations: number; articles: number; users: number; reviews: number; fileMB: number; generationSeconds: number };
  serverRssAtStartMB: number;
  storage?: TStorage;
  /** Load average when this database/size run started and ended (1, 5, 15 min). */
  loadavg?: { start: string; end: string };
  articlePage?: TTimed;
  annotationsList?: TTimed;
  scoresByOutlet?: TTimed;
  dashboard?: TTimed;
  articleList?: TTimed;
  reviewQueue?: TTimed;
  articlePageTypical?: TTimed;
  articleScoreTypical?: TTimed;
  articleScore?: TTimed;
  review?: TTimed;
  csvExport: TExportResult;
  create: TCreateResults;
  hotArticle?: THotArticleResults;
  liveEvents?: TLiveEventResults;
};

export type TRunKey = `${TDatabaseKind}/${TSize}`;
export const RUN_KEYS: TRunKey[] = ["sqlite/S", "sqlite/M", "postgresql/S", "postgresql/M"];

export type TResults = {
  command: string;
  started: string;
  machine: TMachine;
  buildSeconds: number | null;
  runs: Partial<Record<TRunKey, TRunResults>>;
};

type TLegacyResults = Omit<TResults, "runs"> & { sizes?: Partial<Record<TSize, Omit<TRunResults, "database">>> };

/** Reads bench/results.json, including the earlier SQLite-only shape (sizes S/M, export anchor `sqlite3`). */
export function parseResults(text: string): TResults {
  const raw = JSON.parse(text) as TResults & TLegacyResults;
  if (raw.runs) return raw;
  const runs: TResults["runs"] = {};
  for (const [size, r] of Object.entries(raw.sizes ?? {})) {
    const e = r.csvExport as TExportResult & { sqlite3?: TExportDone["databaseCsv"] };
    const csvExport = "skipped" in e || !e.sqlite3 ? e : { ...e, databaseCsv: { tool: "sqlite3 -csv", ...e.sqlite3 } };
    runs[`sqlite/${size as TSize}`] = { ...r, database: "sqlite", csvExport };
  }
  const { sizes: _legacy, ...rest } = raw;
  return { ...rest, runs };
}
