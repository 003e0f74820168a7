// Page furniture that captures of news pages carry along (seed/README.md): copyright lines, newsletter and tip
// prompts, photo credits, contact blocks, wire sign-offs. A line that has any of these is never suggested.
const PATTERNS: readonly RegExp[] = [
  /©|\ball rights reserved\b/i,
  /\bsign up\b|\bsubscribe\b|\bsubscriber\b|\bnewsletters?\b/i,
  /\bleave a tip\b|\bleaving a tip\b|\bjoin the conversation\b|\bclick here\b|\bread more\b|\bfollow us\b/i,
  /\bphoto by\b|\bgetty images\b|\bimage credit\b/i,
  /\bhttps?:\/\/|\bwww\./i,
  /\bis a (?:staff|senior|contributing) (?:writer|reporter|editor)\b/i,
  /\(reporting by\b|\bediting by\b/i,
  /\bshared at no charge\b|\bfor questions, comments\b|\bcontact (?:us|the office)\b/i,
];

export function isBoilerplateLine(line: string): boolean {
  return PATTERNS.some((p) => p.test(line));
}
