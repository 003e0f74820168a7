// Rows of the benchmark table for one busy article: creates fresh and hot (app and bare stack), and reviews.
import { createSummary, med } from "./report-summary";
import type { TCreateRun, TReviewRun, TRunResults } from "./results";

const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "—");
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "—");
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "—");

/** The busy-article targets: hot ≥ 0.8x fresh, app ≥ 0.9x bare at 8 clients, p99 at 8 clients. */
export const HOT_TARGETS = { hotOverFresh: 0.8, appOverBareAt8: 0.9, p99At8Ms: 50 } as const;

type TRow = { label: string; target: string; cell: (r: TRunResults) => string };

const mark = (ok: boolean) => (ok ? " ✅" : " ❌");
const runs = (r: TRunResults, phase: "fresh" | "hot", c: string, stack: "product" | "bare"): TCreateRun[] => r.hotArticle?.[phase][c]?.[stack] ?? [];
const line = (xs: TCreateRun[]) => {
  if (!xs.length) return "—";
  const s = createSummary(xs);
  return `${f0(s.rps)} · ${f1(s.p50Ms)} ms · ${f1(s.p99Ms)} ms (CPU ${f2(s.serverCpuMs)} ms${Number.isFinite(s.backendCpuMs) ? ` + db ${f2(s.backendCpuMs)} ms` : ""})`;
};

function reviewLine(xs: TReviewRun[] | undefined): string {
  if (!xs?.length) return "—";
  const per = (pick: (x: TReviewRun) => number | undefined) => med(xs.map((x) => (pick(x) ?? NaN) / x.requests));
  const db = per((x) => x.cost?.database?.backendCpuMs);
  const failed = xs.reduce((a, x) => a + x.failed + x.socketErrors, 0);
  return (
    `${f0(med(xs.map((x) => x.rps)))} · ${f1(med(xs.map((x) => x.p50Ms)))} ms · ${f1(med(xs.map((x) => x.p99Ms)))} ms ` +
    `(CPU ${f2(per((x) => x.cost?.processCpuMs))} ms${Number.isFinite(db) ? ` + db ${f2(db)} ms` : ""}; ${failed} failed)`
  );
}

const createRows = (c: "8" | "64"): TRow[] => [
  {
    label: `One article, ${c} clients: create, fresh → hot, app (req/s · p50 · p99)`,
    target: c === "8" ? `p99 ≤ ${HOT_TARGETS.p99At8Ms} ms` : "",
    cell: (r) => {
      if (!r.hotArticle) return "—";
      const hot = runs(r, "hot", c, "product");
      const base = `${line(runs(r, "fresh", c, "product"))} → ${line(hot)}`;
      return c === "8" && hot.length ? base + mark(createSummary(hot).p99Ms <= HOT_TARGETS.p99At8Ms) : base;
    },
  },
  {
    label: `One article, ${c} clients: create, fresh → hot, bare stack`,
    target: "",
    cell: (r) => (r.hotArticle ? `${line(runs(r, "fresh", c, "bare"))} → ${line(runs(r, "hot", c, "bare"))}` : "—"),
  },
  {
    label: `One article, ${c} clients: hot / fresh · app / bare (fresh, hot)`,
    target: c === "8" ? `≥ ${HOT_TARGETS.hotOverFresh}x · ≥ ${HOT_TARGETS.appOverBareAt8}x` : `≥ ${HOT_TARGETS.hotOverFresh}x`,
    cell: (r) => {
      if (!r.hotArticle) return "—";
      const rps = (phase: "fresh" | "hot", stack: "product" | "bare") => createSummary(runs(r, phase, c, stack)).rps;
      const hotOverFresh = rps("hot", "product") / rps("fresh", "product");
      const appOverBare = (phase: "fresh" | "hot") => rps(phase, "product") / rps(phase, "bare");
      const bareCell = `${f2(appOverBare("fresh"))}x, ${f2(appOverBare("hot"))}x`;
      return (
        `${f2(hotOverFresh)}x${mark(hotOverFresh >= HOT_TARGETS.hotOverFresh)} · ` +
        (c === "8" ? bareCell + mark(Math.min(appOverBare("fresh"), appOverBare("hot")) >= HOT_TARGETS.appOverBareAt8) : bareCell)
      );
    },
  },
];

export const HOT_ROWS: TRow[] = [
  ...createRows("8"),
  ...createRows("64"),
  {
    label: "One article: reviews, 8 clients, few annotations → 10,000 (req/s · p50 · p99)",
    target: "(reported)",
    cell: (r) => `${reviewLine(r.hotArticle?.reviewsFresh?.["8"])} → ${reviewLine(r.hotArticle?.reviews?.["8"])}`,
  },
  {
    label: "One article: reviews, 64 clients, few annotations → 10,000",
    target: "(reported)",
    cell: (r) => `${reviewLine(r.hotArticle?.reviewsFresh?.["64"])} → ${reviewLine(r.hotArticle?.reviews?.["64"])}`,
  },
  {
    label: "One article: cached counts and score after the concurrent reviews equal a full recompute",
    target: "yes",
    cell: (r) => (r.hotArticle?.cacheExactAfterReviews === undefined ? "—" : r.hotArticle.cacheExactAfterReviews ? "yes ✅" : "NO ❌"),
  },
];
