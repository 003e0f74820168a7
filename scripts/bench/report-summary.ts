// Medians of repeated runs, shared by the report and the capacity arithmetic (workload.ts).
import type { TCost } from "./cost";
import type { TCreateRun } from "./results";

export const med = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** Medians over the repeated runs of one stack at one concurrency. */
export function createSummary(runs: TCreateRun[]) {
  const per = (pick: (c: TCost, r: TCreateRun) => number | undefined) => med(runs.map((r) => (r.cost ? (pick(r.cost, r) ?? NaN) / r.requests : NaN)));
  return {
    rps: med(runs.map((r) => r.rps)),
    p50Ms: med(runs.map((r) => r.p50Ms)),
    p99Ms: med(runs.map((r) => r.p99Ms)),
    serverCpuMs: per((c) => c.processCpuMs),
    wrkCpuMs: per((c) => c.loadGeneratorCpuMs),
    backendCpuMs: per((c) => c.database?.backendCpuMs),
    activeMs: per((c) => c.database?.activeMs),
    idleInTransactionMs: per((c) => c.database?.idleInTransactionMs),
    commits: per((c) => c.database?.commits),
    walBytes: per((c) => c.database?.walBytes),
    busyCores: med(runs.map((r) => r.cost?.machineBusyCores ?? NaN)),
    loadavg: Math.max(0, ...runs.map((r) => r.loadavg)),
    runs: runs.length,
  };
}

