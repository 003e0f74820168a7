import type { TTag } from "@/lib/annotations/tags";
import type { TCue } from "./attribution";
import type { TNounPhrase } from "./noun-phrases";

type TMention = TNounPhrase & { sentence: number };

/**
 * What earlier sentences said about who is speaking, so that "he added", "it said" and "the engineer said" take
 * the status of the source they point back to. Looks back a few sentences only.
 */
export class Discourse {
  private readonly mentions: TMention[] = [];
  /** Sources of earlier attributions: a pronoun subject of a verb of saying most often means the last speaker. */
  private readonly speakers: TMention[] = [];
  private readonly verdicts: Array<{ sentence: number; tag: TTag }> = [];

  constructor(private readonly window = 3) {}

  resolve(sentence: number, cues: readonly TCue[], inSentence: readonly TNounPhrase[]): TCue[] {
    return cues.map((cue) => {
      const source = cue.source;
      if (!source) return cue;
      if (cue.status === "pronoun") {
        const earlier = inSentence.filter((m) => m.last < source.first);
        // Earlier in the sentence, else the last speaker ("…, said the people. … , they said."), else any mention.
        const match =
          [...earlier].reverse().find((m) => agrees(source, m)) ?? this.recent(this.speakers, sentence, source) ?? this.recent(this.mentions, sentence, source);
        if (match) return { ...cue, status: match.status, via: "pronoun" };
        const verdict = this.recentVerdict(sentence);
        return verdict ? { ...cue, status: verdict, via: "pronoun" } : { ...cue, status: "none" };
      }
      if (cue.status === "anaphor") {
        const verdict = this.recentVerdict(sentence);
        if (verdict) return { ...cue, status: verdict, via: "back-reference" };
        // "The officials said" with nothing before it: still people nobody named.
        return { ...cue, status: source.kind === "person" || source.kind === "document" ? "unnamed" : "none" };
      }
      return cue;
    });
  }

  record(sentence: number, mentions: readonly TNounPhrase[], cues: readonly TCue[], tag: TTag | null): void {
    for (const m of mentions) this.mentions.push({ ...m, sentence });
    for (const c of cues) {
      if (c.source && (c.status === "named" || c.status === "unnamed")) this.speakers.push({ ...c.source, status: c.status, sentence });
    }
    if (this.speakers.length > 50) this.speakers.splice(0, this.speakers.length - 10);
    if (tag === "anonymous-source" || tag === "official-statement") this.verdicts.push({ sentence, tag });
    // Only the window is ever read.
    if (this.mentions.length > 200) this.mentions.splice(0, this.mentions.length - 100);
    if (this.verdicts.length > 50) this.verdicts.splice(0, this.verdicts.length - 10);
  }

  private recent(list: readonly TMention[], sentence: number, pronoun: TNounPhrase): TMention | undefined {
    for (let k = list.length - 1; k >= 0; k--) {
      const m = list[k]!;
      if (sentence - m.sentence > this.window) break;
      if (agrees(pronoun, m)) return m;
    }
    return undefined;
  }

  private recentVerdict(sentence: number): "named" | "unnamed" | null {
    const v = this.verdicts[this.verdicts.length - 1];
    if (!v || sentence - v.sentence > this.window) return null;
    return v.tag === "official-statement" ? "named" : "unnamed";
  }
}

/** he/she: one person; it: one institution; they: several of anything. */
function agrees(pronoun: TNounPhrase, m: TNounPhrase): boolean {
  if (m.status !== "named" && m.status !== "unnamed") return false;
  if (pronoun.plural) return m.plural;
  if (pronoun.kind === "institution") return m.kind === "institution" && !m.plural;
  return m.kind === "person" && !m.plural;
}
