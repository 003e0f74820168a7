import { z } from "zod";
import { TAGS, type TTag } from "./tags";

// What each tag means, in the words of docs/tagging-guidelines.md, for the tag palette and the "How to tag" page.
// Both receive a TCodebook as data rather than importing the default: a team's own wording (lib/codebook, checked by
// ZCodebookEntry on the way in and out) replaces the built-in entry tag by tag.

/** How long each field and list may be: the schema's limits, shown beside the fields of the admin's form. */
export const CODEBOOK_LIMITS = { definition: 300, span: 600, example: 200, quote: 600, why: 300, moreExamples: 10, notThisCase: 600, notThis: 10 } as const;

const text = (max: number, missing: string) =>
  z
    .string({ error: "must be text" })
    .trim()
    .min(1, missing)
    .max(max, `at most ${max} characters`);

export const ZCodebookEntry = z.object({
  /** One line: what the tag claims about a passage. */
  definition: text(CODEBOOK_LIMITS.definition, "write a definition"),
  /** What the span covers. */
  span: text(CODEBOOK_LIMITS.span, "say what the span covers"),
  /** Short enough to sit under the tag's name in the palette. */
  example: text(CODEBOOK_LIMITS.example, "give an example"),
  /** Further examples for the "How to tag" page: the words a span covers, and why when it is not obvious. */
  moreExamples: z
    .array(
      z.object({
        quote: text(CODEBOOK_LIMITS.quote, "write the quoted words, or remove this example"),
        why: z.string({ error: "must be text" }).trim().max(CODEBOOK_LIMITS.why, `at most ${CODEBOOK_LIMITS.why} characters`).optional(),
      }),
      { error: "must be a list" },
    )
    .max(CODEBOOK_LIMITS.moreExamples, `at most ${CODEBOOK_LIMITS.moreExamples} examples`),
  /** The cases that look like this tag and are not. */
  notThis: z
    .array(text(CODEBOOK_LIMITS.notThisCase, "describe the case, or remove it"), { error: "must be a list" })
    .max(CODEBOOK_LIMITS.notThis, `at most ${CODEBOOK_LIMITS.notThis} cases`),
});
export type TCodebookEntry = z.infer<typeof ZCodebookEntry>;

export const ZCodebook = z.object(
  Object.fromEntries(TAGS.map((t) => [t, ZCodebookEntry])) as Record<TTag, typeof ZCodebookEntry>,
);
export type TCodebook = z.infer<typeof ZCodebook>;

export const DEFAULT_CODEBOOK: TCodebook = {
  "anonymous-source": {
    definition: "The claim rests on someone the reader has no way to identify.",
    span: "The whole attribution inside its sentence: who (the unnamed source), the reporting verb or phrase, and the content attributed.",
    example: "“U.S. officials told the Journal …”, “people familiar with the matter”",
    moreExamples: [
      {
        quote: "A top White House official confirmed in December that at least eight U.S. telecom companies had been affected by the hacking spree",
        why: "no name, and nothing later names the person",
      },
      {
        quote: "The meeting between security teams from the two superpowers is said to have taken place in Geneva",
        why: "hearsay, like “reportedly” and “according to reports”",
      },
      { quote: "spoke on condition of anonymity", why: "explicit anonymity, like “asked not to be named”" },
    ],
    notThis: [
      "A named institution speaking for itself (“The ministry says”) or an unnamed spokesperson speaking for it on the record: that is an official statement.",
      "Facts the writer states without attribution: no tag.",
      "Hedged wording on its own (“apparently”, “may have”) is not an attribution.",
    ],
  },
  "official-statement": {
    definition: "The claim is put on record by an identified person, office or organisation.",
    span: "The source, the verb and what the source said, as far as the sentence goes.",
    example: "“The Chinese Embassy told FOX Business News that China ‘firmly opposes’ …”",
    moreExamples: [
      { quote: "According to Microsoft, Volt Typhoon has pursued “development of capabilities …”", why: "“according to” a named company" },
      {
        quote: "Dakota Cary, a China expert at the cybersecurity firm SentinelOne, told the Wall Street Journal that …",
        why: "a named expert on the record",
      },
      { quote: "“… ,” he added", why: "“he” is the spokesperson named just before" },
    ],
    notThis: [
      "A named source who gives no content: “The State Department did not comment” alone is not a statement.",
      "A named person who is only the subject of hearsay (“Nate Fick … is said to have led the delegation”): nobody identifiable vouches for it, so it is anonymous.",
    ],
  },
  opinion: {
    definition: "The writer's own evaluation, attributed to nobody.",
    span: "The clause that carries the judgement, not necessarily the whole sentence.",
    example: "“The communist regime apparently winked at its role in undermining America”",
    moreExamples: [
      {
        quote: "The revelations came as a stark reminder of the ongoing cyber warfare that poses a persistent threat to global security",
        why: "the writer's evaluation",
      },
      { quote: "The council should stop dithering", why: "a prescription" },
      { quote: "Who could have seen that coming?", why: "a rhetorical question" },
    ],
    notThis: [
      "Evaluative words inside a quotation or an attributed claim belong to the source: tag the attribution instead.",
      "Hedges alone (“apparently acknowledged”) or plain narration.",
    ],
  },
};

/** Rules that hold for every tag (docs/tagging-guidelines.md, "General rules for spans"). */
export const SPAN_RULES: readonly string[] = [
  "A span stays inside one sentence, and a sentence carries at most one span of each tag.",
  "Start at the source, not at a connective: “But”, “Still,”, “Meanwhile,” stay out.",
  "End before the sentence's final full stop, unless the full stop sits inside a closing quotation mark.",
  "A quotation that runs on over more sentences: span only the sentence that names the speaker.",
  "Headlines, captions, bylines and page furniture are not annotated.",
  "No attributed content, no span: “declined to comment” is not a statement.",
  "Plain factual narration gets no tag; most sentences of a news report get none.",
];
