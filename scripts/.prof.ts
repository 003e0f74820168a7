import { loadDataset } from "@/lib/suggestions/dataset";
import { suggestSpans } from "@/lib/suggestions/suggest";
import { analyse } from "@/lib/suggestions/nlp";
const docs = loadDataset();
let big = ""; while (big.length < 100_000) big += docs[0]!.body + "\n\n😀 ";
for (let i = 0; i < 5; i++) { let t = performance.now(); analyse(big); const a = performance.now() - t; t = performance.now(); suggestSpans(big); console.log("analyse", a.toFixed(1), "suggest", (performance.now() - t).toFixed(1)); }
