// What every wrk run reports, as the bench's results keep it (create.lua and review.lua print the same fields).
import { round } from "./util";

export type TWrkOutput = {
  requests: number;
  duration_us: number;
  created: number;
  existing: number;
  failed: number;
  errors: Record<string, number>;
  latency_us: { mean: number; p50: number; p90: number; p99: number; max: number };
};

/** Throughput, failures and latency percentiles of one run. */
export function wrkFigures(r: TWrkOutput) {
  return {
    seconds: r.duration_us / 1e6,
    requests: r.requests,
    rps: round(r.requests / (r.duration_us / 1e6)),
    failed: r.failed,
    socketErrors: r.errors.connect! + r.errors.read! + r.errors.write! + r.errors.timeout!,
    p50Ms: round(r.latency_us.p50 / 1000),
    p90Ms: round(r.latency_us.p90 / 1000),
    p99Ms: round(r.latency_us.p99 / 1000),
    maxMs: round(r.latency_us.max / 1000),
  };
}
