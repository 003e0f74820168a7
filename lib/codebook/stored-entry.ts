import { ZCodebookEntry, type TCodebookEntry } from "@/lib/annotations/codebook";
import { apiTag, dbTag, type TTag } from "@/lib/annotations/tags";
import type { CodebookEntry } from "@/lib/generated/prisma/client";

// The one place that turns CodebookEntry rows into codebook entries and back, tag column included, so a change to
// how the database stores either touches nothing else.

/** The row of a team's entry for one tag, as a filter. */
export function entryWhere(teamId: string, tag: TTag) {
  return { teamId, tag: dbTag(tag) };
}

/** The row of a team's entry for one tag, as a unique key. */
export function entryKey(teamId: string, tag: TTag) {
  return { teamId_tag: entryWhere(teamId, tag) };
}

/** The columns a saved entry writes. */
export function entryColumns(entry: TCodebookEntry) {
  return {
    definition: entry.definition,
    span: entry.span,
    example: entry.example,
    moreExamples: JSON.stringify(entry.moreExamples),
    notThis: JSON.stringify(entry.notThis),
  };
}

/** The tag a stored row is for, by the API's name. */
export function rowTag(row: Pick<CodebookEntry, "tag">): TTag {
  return apiTag(row.tag);
}

// Unparseable JSON becomes undefined, which the schema then refuses like any other bad value.
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A stored row as a codebook entry, checked as the API checks one on the way in; null when the row does not pass
 * (written by hand, or under older limits), so the caller falls back to the built-in wording.
 */
export function entryFromRow(row: Pick<CodebookEntry, "definition" | "span" | "example" | "moreExamples" | "notThis">): TCodebookEntry | null {
  const parsed = ZCodebookEntry.safeParse({
    definition: row.definition,
    span: row.span,
    example: row.example,
    moreExamples: parseJson(row.moreExamples),
    notThis: parseJson(row.notThis),
  });
  return parsed.success ? parsed.data : null;
}
