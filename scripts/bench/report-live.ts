// Rows of the benchmark table for live updates: creates with open event streams next to none, and event delay.
import { createSummary } from "./report-summary";
import type { TRunResults } from "./results";

const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "—");
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "—");
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "—");

/** With the streams open, create throughput stays within 10 % of the figure without them. */
export const LIVE_TARGETS = { streamsOverNone: 0.9 } as const;

type TRow = { label: string; target: string; cell: (r: TRunResults) => string };

const mark = (ok: boolean) => (ok ? " ✅" : " ❌");

const throughputRow = (c: "8" | "64"): TRow => ({
  label: `Live: create at ${c} clients, no streams → 200 open event streams (req/s · p99), ratio`,
  target: `≥ ${LIVE_TARGETS.streamsOverNone}x`,
  cell: (r) => {
    const e = r.liveEvents?.byConnections[c];
    if (!e?.none.length || !e.streams.length) return "—";
    const none = createSummary(e.none);
    const streams = createSummary(e.streams);
    const ratio = streams.rps / none.rps;
    return `${f0(none.rps)} · ${f1(none.p99Ms)} ms → ${f0(streams.rps)} · ${f1(streams.p99Ms)} ms: ${f2(ratio)}x${mark(ratio >= LIVE_TARGETS.streamsOverNone)}`;
  },
});

export const LIVE_ROWS: TRow[] = [
  throughputRow("8"),
  throughputRow("64"),
  {
    label: "Live: a create's event on another user's stream, after its answer (median · p99 · max)",
    target: "",
    cell: (r) => {
      const l = r.liveEvents?.latency;
      if (!l) return "—";
      return `${f1(l.medianMs)} ms · ${f1(l.p99Ms)} ms · ${f1(l.maxMs)} ms (${f0(l.timed)} timed, ${f0(l.missed)} missed; busiest stream got ${f0(r.liveEvents!.mostEventsOnOneStream)} events in one run)`;
    },
  },
];
