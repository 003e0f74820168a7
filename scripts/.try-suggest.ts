import { readFileSync } from "node:fs";
import { suggestSpans } from "@/lib/suggestions/suggest";
const f = process.argv[2]!;
const body = readFileSync(f, "utf8");
const t = performance.now();
const out = suggestSpans(body);
console.log("ms", performance.now() - t);
const cps = Array.from(body);
for (const s of out) console.log(s.tag.padEnd(18), s.rule.padEnd(32), s.reason, "\n    ", cps.slice(s.start, s.end).join("").slice(0, 160));
