/** A teammate who can be mentioned, as GET /api/team/members answers. */
export type TMember = { id: string; name: string; email: string };

/** The `@` being typed at the caret: where it starts and what follows it so far. */
export type TMentionQuery = { start: number; query: string };

// Longest name or email worth completing; beyond it the `@` is plain text.
const MAX_QUERY = 60;

/**
 * The mention being typed just before `caret`, or null. An `@` counts only at the start or after a space or an
 * opening bracket or quote, so an email address in the text opens nothing. Names have spaces, so the query may
 * too; a line break or another `@` ends it.
 */
export function mentionQuery(text: string, caret: number): TMentionQuery | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf("@");
  if (start < 0) return null;
  if (start > 0 && !/[\s([{"'“‘]/.test(before[start - 1]!)) return null;
  const query = before.slice(start + 1);
  if (query.length > MAX_QUERY || /[\n@]/.test(query)) return null;
  return { start, query };
}

/**
 * Teammates whose name, a word of their name, or email starts with the query (case-insensitive): names first,
 * at most `limit`.
 */
export function matchMembers(members: readonly TMember[], query: string, limit = 8): TMember[] {
  const q = query.toLowerCase();
  const byName: TMember[] = [];
  const byEmail: TMember[] = [];
  for (const m of members) {
    const name = m.name.toLowerCase();
    if (name.startsWith(q) || name.split(/\s+/).some((w) => w.startsWith(q))) byName.push(m);
    else if (m.email.toLowerCase().startsWith(q)) byEmail.push(m);
  }
  return [...byName, ...byEmail].slice(0, limit);
}

/** `text` with the mention at `query.start`…`caret` replaced by `@Name `, and the caret just after it. */
export function insertMention(text: string, query: TMentionQuery, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  const rest = text.slice(caret).replace(/^ /, "");
  return { text: text.slice(0, query.start) + inserted + rest, caret: query.start + inserted.length };
}

export type TSegment = { text: string; mention: boolean };

// The server's rules (lib/discussion/parse-mentions.ts): an `@` right after one of these is inside an email
// address, and a mention must not stop in the middle of a word.
const LOCAL_PART = /[\p{L}\p{N}\p{M}_.%+\-']/u;
const WORD = /[\p{L}\p{N}\p{M}_]/u;

/**
 * A reply's text cut into plain runs and mentions of teammates (`@` and a name or email, the longest that
 * fits), for marking mentions when the text is shown.
 */
export function mentionSegments(text: string, members: readonly TMember[]): TSegment[] {
  const handles = members
    .flatMap((m) => [m.name, m.email])
    .filter((h) => h.length > 0)
    .sort((a, b) => b.length - a.length);
  const lower = text.toLowerCase();
  const segments: TSegment[] = [];
  let plain = 0;
  for (let i = text.indexOf("@"); i >= 0; i = text.indexOf("@", i + 1)) {
    if (i > 0 && LOCAL_PART.test(text[i - 1]!)) continue;
    const handle = handles.find((h) => lower.startsWith(h.toLowerCase(), i + 1) && !WORD.test(text[i + 1 + h.length] ?? ""));
    if (!handle) continue;
    if (i > plain) segments.push({ text: text.slice(plain, i), mention: false });
    segments.push({ text: text.slice(i, i + 1 + handle.length), mention: true });
    plain = i + 1 + handle.length;
    i = plain - 1;
  }
  if (plain < text.length) segments.push({ text: text.slice(plain), mention: false });
  return segments;
}
