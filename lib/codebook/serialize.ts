import type { TTeamCodebookEntry } from "./find-codebook";

/** One tag's entry as the API answers it (docs/api.md, Codebook). */
export function serializeCodebookEntry(e: TTeamCodebookEntry) {
  return {
    tag: e.tag,
    ...e.entry,
    isDefault: e.isDefault,
    updatedAt: e.updatedAt?.toISOString() ?? null,
    updatedBy: e.updatedBy,
  };
}
export type TCodebookEntryJson = ReturnType<typeof serializeCodebookEntry>;
