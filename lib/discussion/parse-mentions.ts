export type TMentionable = { id: string; name: string; email: string };

export type TParsedMentions = {
  /** The teammates mentioned, each once, in the order first mentioned. */
  userIds: string[];
  /** What was written after an `@` that names no teammate, as written (`@bob`), each once. */
  unknown: string[];
};

// Characters that may come right before the `@` of an email address: an `@` after one of them is part of an
// address (a@b.com), not a mention.
const LOCAL_PART = /[\p{L}\p{N}\p{M}_.%+\-']/u;
// What continues a name or an address: a match must not stop in the middle of a longer word ("@Ana" in "@Anabel").
const WORD = /[\p{L}\p{N}\p{M}_]/u;
// What an unknown `@word` reads as: letters, digits and the characters of an address, without trailing punctuation.
const WRITTEN = /^[\p{L}\p{N}\p{M}_.%+\-'@]*[\p{L}\p{N}\p{M}_]/u;

/**
 * The mentions in a reply: an `@` at the start or after a space or punctuation, followed by a teammate's name (names
 * may contain spaces) or email, case-insensitively; the longest name that fits wins, so "@Ann Lee" is Ann Lee even
 * when the team also has an Ann. An `@` followed by a word that names no teammate is reported in `unknown`; an `@`
 * followed by a space or nothing is no mention at all.
 */
export function parseMentions(text: string, members: readonly TMentionable[]): TParsedMentions {
  const handles = members
    .flatMap((m) => [m.name, m.email].map((handle) => ({ handle: handle.trim().toLowerCase(), id: m.id })))
    .filter((h) => h.handle.length > 0)
    .sort((a, b) => b.handle.length - a.handle.length);
  const userIds = new Set<string>();
  const unknown = new Set<string>();
  const lower = text.toLowerCase();
  // toLowerCase keeps the length of nearly every string; where it does not, compare each candidate slice on its own.
  const sameLength = lower.length === text.length;
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    if (at > 0 && LOCAL_PART.test(text[at - 1]!)) continue;
    const from = at + 1;
    // An @ followed by a space, punctuation or nothing mentions no one and names no one.
    if (from >= text.length || !WORD.test(text[from]!)) continue;
    let matched = 0;
    for (const { handle, id } of handles) {
      if (matched && handle.length < matched) break;
      const fits = sameLength ? lower.startsWith(handle, from) : text.slice(from, from + handle.length).toLowerCase() === handle;
      if (!fits) continue;
      const next = text[from + handle.length];
      if (next !== undefined && WORD.test(next)) continue;
      // Two teammates with the same name are both mentioned.
      matched = handle.length;
      userIds.add(id);
    }
    if (matched) {
      at += matched;
      continue;
    }
    const written = WRITTEN.exec(text.slice(from));
    if (written) unknown.add(`@${written[0]}`);
  }
  return { userIds: [...userIds], unknown: [...unknown] };
}
