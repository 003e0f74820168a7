// What one busy annotator asks of the server per minute, and what that costs one instance, from a run's measured
// CPU per request. The requests and their rates are derived in docs/scaling.md; this is the arithmetic.
import { createSummary } from "./report-summary";
import type { TRunResults, TTimed } from "./results";

type TMeasure = "create" | "articleScoreTypical" | "articlePageTypical" | "review" | "reviewQueue" | "articleList";

/** Requests per active annotator-minute at a steady, busy pace (docs/scaling.md). */
export const ANNOTATOR_MINUTE: { request: string; perMinute: number; measure: TMeasure }[] = [
  { request: "POST an annotation", perMinute: 2, measure: "create" },
  { request: "PATCH or DELETE an annotation (costed as a create)", perMinute: 0.2, measure: "create" },
  { request: "GET the score panel (after each change, and on opening an article)", perMinute: 2.4, measure: "articleScoreTypical" },
  { request: "open an article page", perMinute: 0.2, measure: "articlePageTypical" },
  { request: "POST a review (a third of the team reviews, ~1.5 a minute)", perMinute: 0.5, measure: "review" },
  { request: "a list or review-queue page", perMinute: 0.2, measure: "articleList" },
];

/** Share of one core an instance is planned to use: headroom for bursts, GC and p99 latency. */
export const PLANNED_UTILIZATION = 0.5;

export type TCapacity = { requestsPerMinute: number; serverCpuMs: number; databaseCpuMs: number | null; annotatorsPerInstance: number; annotatorsPerDatabaseCore: number | null; missing: string[] };

function measured(r: TRunResults, m: TMeasure): { server: number; database: number | null } | null {
  if (m === "create") {
    const runs = r.create.byConnections["8"]?.product ?? [];
    if (!runs.length) return null;
    const s = createSummary(runs);
    return { server: s.serverCpuMs, database: Number.isFinite(s.backendCpuMs) ? s.backendCpuMs : null };
  }
  const t: TTimed | undefined = r[m];
  if (t?.serverCpuMsPerRequest === undefined) return null;
  return { server: t.serverCpuMsPerRequest, database: t.databaseCpuMsPerRequest ?? null };
}

/** One annotator-minute's CPU, and how many annotators one instance (one core, planned utilization) serves. */
export function capacity(r: TRunResults): TCapacity | null {
  let server = 0;
  let database = 0;
  let requests = 0;
  const missing: string[] = [];
  for (const item of ANNOTATOR_MINUTE) {
    const cost = measured(r, item.measure);
    if (!cost) {
      missing.push(item.measure);
      continue;
    }
    requests += item.perMinute;
    server += item.perMinute * cost.server;
    database += item.perMinute * (cost.database ?? 0);
  }
  if (!requests || !Number.isFinite(server)) return null;
  const budget = 60_000 * PLANNED_UTILIZATION;
  const hasDatabase = r.database === "postgresql";
  return {
    requestsPerMinute: requests,
    serverCpuMs: server,
    databaseCpuMs: hasDatabase ? database : null,
    annotatorsPerInstance: Math.floor(budget / server),
    annotatorsPerDatabaseCore: hasDatabase && database > 0 ? Math.floor(budget / database) : null,
    missing,
  };
}
