import { segment } from "@/lib/suggestions/sentences";
import { findCues } from "@/lib/suggestions/attribution";
const text = process.argv[2]!;
const doc = segment(text);
for (const s of doc.sentences) {
  console.log(doc.tokens.slice(s.first, s.last + 1).filter(t => t.value.trim()).map(t => `${t.value}/${t.pos}/${t.lemma}`).join(" "));
  console.log(JSON.stringify(findCues(doc, s).map(c => ({ ...c, src: c.source ? doc.text.slice(doc.tokens[c.source.first]!.start, doc.tokens[c.source.last]!.end) : null }))));
}
