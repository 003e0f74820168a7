/**
 * Page furniture that comes along when an article is copied from a news site: copyright lines, photo credits, a
 * repeated headline, a date stamp at the top, share and comment prompts, newsletter and tip appeals, lines that are
 * only a link. Each rule looks at one whole line and only at short lines, so the article's own sentences are never
 * touched; what is removed is listed so that the user sees it and can undo it.
 */
export type TRemovedLine = { text: string; reason: string };
export type TCleanup = { text: string; removed: TRemovedLine[] };

const SHORT = 160;

const PROMPTS =
  /^(comments?|\d+ comments?|share|share this( article| story)?|advertisement|read more|related( stories| articles)?:?|want to leave a tip\?|want to join the conversation\?|already a subscriber\?|sign up here!?|subscribe|print|email|follow us.*)$/i;

const squash = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

function reasonFor(line: string, index: number, seen: Set<string>, title: string): string | null {
  const t = line.trim();
  if (!t || t.length > SHORT) return null;
  if (/^(©|\(c\)|copyright)\s*(©\s*)?\d{4}\b/i.test(t) || /all rights reserved\.?$/i.test(t)) return "copyright line";
  if (/^(photo|image|picture)s?\s*(by|:|credit)/i.test(t)) return "photo credit";
  if (PROMPTS.test(t)) return "page prompt";
  if (/\b(sign up|subscribe)\b.*\bnewsletters?\b|\bnewsletters?\b.*\b(sign up|subscribe)\b/i.test(t)) return "newsletter prompt";
  if (/^(-\s*)?([\p{L} ]{1,40}:\s*)?https?:\/\/\S+$/u.test(t)) return "link";
  if (title && squash(t) === squash(title)) return "repeated headline";
  if (index < 8 && seen.has(squash(t))) return "repeated line";
  if (index < 3 && /^(published|updated|posted)?\s*(on\s+)?(\w+ \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2})([ ,]+\d{1,2}:\d{2}\s*(am|pm)?( [a-z]{2,4})?)?$/i.test(t)) return "date line";
  return null;
}

/** The text without the boilerplate lines (blank lines left behind collapse), and what was removed. */
export function removeBoilerplate(text: string, title = ""): TCleanup {
  const lines = text.split(/\r?\n/);
  const kept: string[] = [];
  const removed: TRemovedLine[] = [];
  const seen = new Set<string>();
  let index = 0;
  for (const line of lines) {
    const reason = reasonFor(line, index, seen, title);
    if (line.trim()) {
      seen.add(squash(line));
      index++;
    }
    if (reason) removed.push({ text: line.trim(), reason });
    else kept.push(line);
  }
  if (removed.length === 0) return { text, removed };
  const cleaned = kept
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\s*\n/, "")
    .replace(/\n\s*$/, "");
  return { text: cleaned, removed };
}
