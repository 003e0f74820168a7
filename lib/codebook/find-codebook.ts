import { DEFAULT_CODEBOOK, type TCodebook, type TCodebookEntry } from "@/lib/annotations/codebook";
import { TAGS, type TTag } from "@/lib/annotations/tags";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db, type Db, type Tx } from "@/lib/db/client";
import { entryFromRow, rowTag } from "./stored-entry";

/** One tag's wording as the team sees it, and whether (and by whom) the team changed it from the built-in text. */
export type TTeamCodebookEntry = {
  tag: TTag;
  entry: TCodebookEntry;
  /** The built-in wording: the team has no stored entry for the tag, or only one that no longer passes the schema. */
  isDefault: boolean;
  updatedAt: Date | null;
  updatedBy: { id: string; name: string } | null;
};
export type TTeamCodebook = Record<TTag, TTeamCodebookEntry>;

export const defaultEntry = (tag: TTag): TTeamCodebookEntry => ({
  tag,
  entry: DEFAULT_CODEBOOK[tag],
  isDefault: true,
  updatedAt: null,
  updatedBy: null,
});

/** A team's codebook read with `client` (a transaction's, to read what it is about to change). */
export async function readTeamCodebook(client: Db | Tx, teamId: string): Promise<TTeamCodebook> {
  const rows = await client.codebookEntry.findMany({ where: { teamId }, include: { updatedBy: { select: { id: true, name: true } } } });
  const codebook = Object.fromEntries(TAGS.map((tag) => [tag, defaultEntry(tag)])) as TTeamCodebook;
  for (const row of rows) {
    const tag = rowTag(row);
    const entry = entryFromRow(row);
    if (!entry) {
      // Readers still get a codebook: the built-in wording, until an admin saves this tag again.
      console.warn(`The stored codebook entry for ${tag} of team ${teamId} does not pass the schema; showing the built-in wording.`);
      continue;
    }
    codebook[tag] = { tag, entry, isDefault: false, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
  }
  return codebook;
}

/** The caller's team's codebook: the built-in entries, each replaced by the team's own where it has one. Every member may read it. */
export async function findCodebook(user: TSessionUser): Promise<TTeamCodebook> {
  return readTeamCodebook(db, user.teamId);
}

/** Just the wording, for the tag palette and the "How to tag" page. */
export function codebookText(codebook: TTeamCodebook): TCodebook {
  return Object.fromEntries(TAGS.map((tag) => [tag, codebook[tag].entry])) as TCodebook;
}
