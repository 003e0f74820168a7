import type { TTag } from "@/lib/annotations/tags";
import { credibilityScore, weightedSums } from "./formula";
import { DEFAULT_WEIGHTS, type TTagCounts, type TWeights } from "./weights";

// Positive evidence first, as metrics.md writes the example.
const EXPLAIN_ORDER: readonly TTag[] = ["official-statement", "anonymous-source", "opinion"];

const MINUS = "\u2212";

// Enough precision for any admin-set weight, while hiding float noise such as 0.30000000000000004.
function formatNumber(x: number): string {
  const rounded = Number(x.toFixed(6));
  if (rounded === 0) return "0";
  return String(rounded).replace("-", MINUS);
}

function formatWeight(w: number): string {
  const text = formatNumber(w);
  return text.startsWith(MINUS) ? `(${text})` : text;
}

// The formula with this article's numbers filled in, for the "how is this computed" note beside a score.
// Example: "S = 1×2 + (−1)×3 + (−0.5)×1 = −1.5; T = 5.5; score = 50 + 50 × −1.5 / (5.5 + 2) = 40.0".
export function explainScore(counts: TTagCounts, weights: TWeights = DEFAULT_WEIGHTS): string {
  const { S, T } = weightedSums(counts, weights);
  const terms = EXPLAIN_ORDER.map((tag) => `${formatWeight(weights[tag])}×${counts[tag]}`).join(" + ");
  const score = credibilityScore(counts, weights).toFixed(1);
  return (
    `S = ${terms} = ${formatNumber(S)}; T = ${formatNumber(T)}; ` +
    `score = 50 + 50 × ${formatNumber(S)} / (${formatNumber(T)} + 2) = ${score}`
  );
}
