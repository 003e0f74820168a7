/**
 * Scores the sourcing-suggestion detector against the labelled development set (seed/suggestions/):
 * precision, recall and F1 per tag at span level (Jaccard >= 0.5), overall and per document.
 *   npx tsx scripts/eval-suggest.ts [--misses]
 */
import { TAGS, type TTag } from "@/lib/annotations/tags";
import { loadDataset, type TGoldDocument } from "@/lib/suggestions/dataset";
import { addCounts, countByTag, matchSpans, scores, type TCounts } from "@/lib/suggestions/evaluate";
import { suggestSpans } from "@/lib/suggestions/suggest";

const TARGETS: Record<TTag, { precision?: number; recall?: number }> = {
  "anonymous-source": { precision: 0.85, recall: 0.75 },
  "official-statement": { precision: 0.85, recall: 0.75 },
  opinion: { precision: 0.7 },
};

const fmt = (x: number | null) => (x === null ? "–" : x.toFixed(2));
const showMisses = process.argv.includes("--misses");

function evaluate(docs: TGoldDocument[], title: string): void {
  const zero = (): TCounts => ({ gold: 0, predicted: 0, matched: 0 });
  const total = Object.fromEntries(TAGS.map((t) => [t, zero()])) as Record<TTag, TCounts>;
  const perDoc: Array<{ id: string; style: string; counts: Record<TTag, TCounts>; ms: number }> = [];
  const misses: string[] = [];

  for (const doc of docs) {
    const started = performance.now();
    const predicted = suggestSpans(doc.body);
    const ms = performance.now() - started;
    const counts = countByTag(predicted, doc.spans);
    for (const t of TAGS) total[t] = addCounts(total[t], counts[t]);
    perDoc.push({ id: doc.id, style: doc.style, counts, ms });
    if (showMisses) {
      const matches = matchSpans(predicted, doc.spans);
      const cps = Array.from(doc.body);
      const text = (s: { start: number; end: number }) => cps.slice(s.start, s.end).join("").slice(0, 140);
      predicted.forEach((p, i) => {
        if (!matches.some((m) => m.predicted === i)) misses.push(`${doc.id}  FP ${p.tag} [${p.rule}] ${text(p)}`);
      });
      doc.spans.forEach((g, i) => {
        if (!matches.some((m) => m.gold === i)) misses.push(`${doc.id}  FN ${g.tag} ${text(g)}`);
      });
    }
  }

  const targetText = (t: TTag) => {
    const target = TARGETS[t];
    const s = scores(total[t]);
    const parts: string[] = [];
    if (target.precision !== undefined) parts.push(`P ≥ ${target.precision} ${s.precision !== null && s.precision >= target.precision ? "met" : "MISSED"}`);
    if (target.recall !== undefined) parts.push(`R ≥ ${target.recall} ${s.recall !== null && s.recall >= target.recall ? "met" : "MISSED"}`);
    return parts.join(", ");
  };

  console.log(`# ${title} (${docs.length} documents, ${docs.reduce((n, d) => n + d.spans.length, 0)} gold spans)\n`);
  console.log("| tag | gold | suggested | matched | precision | recall | F1 | target |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const t of TAGS) {
    const s = scores(total[t]);
    console.log(`| ${t} | ${s.gold} | ${s.predicted} | ${s.matched} | ${fmt(s.precision)} | ${fmt(s.recall)} | ${fmt(s.f1)} | ${targetText(t)} |`);
  }
  const all = TAGS.reduce((acc, t) => addCounts(acc, total[t]), zero());
  const sAll = scores(all);
  console.log(`| all | ${sAll.gold} | ${sAll.predicted} | ${sAll.matched} | ${fmt(sAll.precision)} | ${fmt(sAll.recall)} | ${fmt(sAll.f1)} | |`);

  console.log("\n## Per document\n");
  console.log("| document | style | ms | anonymous-source P / R (gold) | official-statement P / R (gold) | opinion P / R (gold) |");
  console.log("| --- | --- | ---: | --- | --- | --- |");
  for (const d of perDoc) {
    const cell = (t: TTag) => {
      const s = scores(d.counts[t]);
      return `${fmt(s.precision)} / ${fmt(s.recall)} (${s.gold})`;
    };
    console.log(`| ${d.id} | ${d.style} | ${d.ms.toFixed(1)} | ${cell("anonymous-source")} | ${cell("official-statement")} | ${cell("opinion")} |`);
  }
  if (showMisses) {
    console.log("\n## Misses (FP: suggested, not in gold; FN: in gold, not suggested)\n");
    for (const m of misses) console.log(`- ${m}`);
  }
  console.log("");
}

const docs = loadDataset();
console.log("Span-level match: same tag and Jaccard of code-point ranges >= 0.5, each gold span matched at most once.\n");
evaluate(docs.filter((d) => d.split === "dev"), "Development set");
evaluate(
  docs.filter((d) => d.split === "heldout"),
  "Held-out batch 1 (labelled with the rules frozen; its first, blind run is recorded in seed/suggestions/GUIDELINES.md)",
);
evaluate(
  docs.filter((d) => d.split === "heldout-2"),
  "Held-out batch 2 (labelled with the rules frozen; its first, blind run is recorded in seed/suggestions/GUIDELINES.md)",
);
