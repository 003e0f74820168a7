// Running a wrk script of bench/ and what every run reports, as the bench's results keep it (create.lua and
// review.lua print the same fields).
import { round, runAsync, sleep } from "./util";

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

/** Runs `lua` with wrk (2 threads) against `base` and returns the line it printed at the end. */
export async function runWrkScript<T extends TWrkOutput>(base: string, lua: string, connections: number, seconds: number, scriptArgs: string[]): Promise<T> {
  const out = await runAsync(
    "wrk",
    ["-t2", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-s", lua, base, "--", ...scriptArgs],
    (seconds + 60) * 1000,
  );
  const line = out.stdout.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  if (!line) throw new Error(`wrk printed no result (exit ${out.code}): ${out.stdout}\n${out.stderr}`);
  if (out.stderr.trim()) process.stderr.write(out.stderr);
  // Requests wrk abandoned at its deadline still run to the end in the server: wait for them.
  await sleep(1500);
  return JSON.parse(line.slice("BENCH_RESULT ".length)) as T;
}
