import { loadDataset } from "@/lib/suggestions/dataset";
import { suggestSpans } from "@/lib/suggestions/suggest";
const docs = loadDataset();
for (const d of docs) suggestSpans(d.body);
for (const d of docs) { const t = performance.now(); for (let i = 0; i < 10; i++) suggestSpans(d.body); console.log(d.id, ((performance.now() - t) / 10).toFixed(2), "ms", d.body.length); }
let big = ""; while (big.length < 100_000) big += docs[0]!.body + "\n\n😀 ";
for (let i = 0; i < 3; i++) { const t = performance.now(); const n = suggestSpans(big).length; console.log("100k", (performance.now() - t).toFixed(1), "ms", n); }
const flat = "word ".repeat(20000) + "said officials.";
{ const t = performance.now(); suggestSpans(flat); console.log("100k no punctuation", (performance.now() - t).toFixed(1)); }
