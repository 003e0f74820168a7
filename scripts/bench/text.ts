// Deterministic news-like text for the benchmark: paragraphs of sentences with attributions, quotations with
// curly quotes, commas, dashes and accented names, so quotes and notes exercise CSV quoting and code points.
import type { Prng } from "./prng";

const SUBJECTS = [
  "The ministry", "A senior official", "The city council", "Regional authorities", "The company", "Investigators",
  "The prime minister's office", "A spokesperson", "Union leaders", "The central bank", "Local residents",
  "Analysts", "The committee", "Prosecutors", "The mayor, Zoë Müller,", "Economists at the institute",
  "Officials familiar with the talks", "The defence department", "A person briefed on the matter", "Critics",
];
const VERBS = [
  "said", "confirmed", "denied", "announced", "warned", "argued", "acknowledged", "suggested", "claimed",
  "insisted", "reported", "estimated", "told reporters", "wrote in a statement", "declined to comment on",
];
const OBJECTS = [
  "the budget would be revised before the end of the quarter", "the outage affected about 40,000 households",
  "no decision had been taken", "the figures were “deeply concerning”", "talks would resume on Monday",
  "the report — published late on Friday — was incomplete", "the plan was unaffordable", "the company had been warned twice",
  "the investigation was still at an early stage", "inflation had peaked", "the contract was worth €12 million",
  "the vote had been postponed", "the agency lacked the staff to enforce the rules", "the deal was “a historic step”",
  "the incident was under review", "costs had risen by 18% since March", "the school would reopen in September",
  "the proposal raised serious questions about oversight", "the decision was “reckless and short-sighted”",
];
const QUALIFIERS = [
  "", "", "", " on Tuesday", " in a briefing", ", according to documents seen by this newspaper",
  ", speaking on condition of anonymity", " in an interview", ", citing internal emails", " last week",
  ", though they offered no evidence", " in a written response",
];
const OPINIONS = [
  "It is hard to see how this ends well.", "Frankly, the city deserves better.", "This is, at best, a missed opportunity.",
  "Voters will not forget it.", "The truth is simpler than the officials admit.", "Nobody should be surprised.",
];
const QUOTES = [
  "“We are looking at every option,” one official said.", "“I can't comment on that,” she said, “but we're aware of it.”",
  "“This was never about money,” he said.", "“The numbers don't add up,” said a person with knowledge of the plan.",
  "“We'll see,” the minister said, smiling.", "“It's a \"temporary\" measure, nothing more,” a source said.",
];
const ASTRAL = ["😀", "📰", "🔍", "𝔸", "🇪🇺"];

function sentence(rng: Prng): string {
  const r = rng.next();
  if (r < 0.12) return rng.pick(OPINIONS);
  if (r < 0.27) return rng.pick(QUOTES);
  return `${rng.pick(SUBJECTS)} ${rng.pick(VERBS)} that ${rng.pick(OBJECTS)}${rng.pick(QUALIFIERS)}.`;
}

/** About `target` characters of text in paragraphs separated by a blank line; `astral` adds a few emoji. */
export function articleBody(rng: Prng, target: number, astral: boolean): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < target) {
    const n = rng.int(2, 6);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(sentence(rng));
    if (astral && rng.chance(0.3)) parts.push(rng.pick(ASTRAL));
    const p = parts.join(" ");
    paragraphs.push(p);
    length += p.length + 2;
  }
  return paragraphs.join("\n\n");
}

const TITLE_WORDS = [
  "Budget", "Council", "Outage", "Inquiry", "Talks", "Strike", "Election", "Housing", "Transit", "Hospital",
  "Contract", "Report", "Vote", "Schools", "Energy", "Water", "Police", "Court", "Port", "Bridge",
];
const TITLE_TAILS = [
  "faces new questions", "delayed again", "under review", "sparks protest", "what we know", "explained",
  "draws criticism", "reaches deal", "in doubt", "cost rises",
];

export function articleTitle(rng: Prng, n: number): string {
  return `${rng.pick(TITLE_WORDS)} ${rng.pick(TITLE_WORDS).toLowerCase()} ${rng.pick(TITLE_TAILS)} (#${n})`;
}

export const OUTLETS = [
  "The Daily Ledger", "Northern Courier", "Metro Times", "The Harbour Post", "Evening Standard-Gazette",
  "Capital Wire", "The Independent Observer", "Valley News", "Coastline Herald", "The Morning Call",
  "Weekly Review", "Public Radio News", "Le Journal du Soir", "Der Abendbote", "El Diario Central",
  "The Sentinel", "Business Daily", "Tribune, Inc.", "\"Quoted\" Media", "City Beat",
];

const NOTES = [
  "Unnamed source, no second confirmation.", "Official figure, check the ministry release.",
  "Opinion presented as fact.", "Quote attributed to \"a person briefed\" — vague.",
  "Source's job title is missing, which weakens it.", "Compare with the agency's own data, page 4.",
  "=Needs a second look", "-Disputed by the company", "+1 to the tag above", "@desk: see the follow-up piece",
  "Multi-line note:\nfirst the claim,\nthen the evidence.", "Contains a comma, and \"quotes\".",
];

export function annotationNote(rng: Prng): string {
  return rng.chance(0.3) ? rng.pick(NOTES) : "";
}
