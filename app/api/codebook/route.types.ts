import { z } from "zod";
import { ZCodebookEntry } from "@/lib/annotations/codebook";
import { TAGS } from "@/lib/annotations/tags";
import { sameType } from "@/lib/api-client/same-type";
import type { serializeCodebookEntry } from "@/lib/codebook/serialize";

/** One tag's entry as the codebook routes answer it (lib/codebook/serialize.ts). */
export const ZCodebookEntryResponse = z.strictObject({
  tag: z.enum(TAGS),
  ...ZCodebookEntry.shape,
  isDefault: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
});
export type TCodebookEntryResponse = z.infer<typeof ZCodebookEntryResponse>;
sameType<TCodebookEntryResponse, ReturnType<typeof serializeCodebookEntry>>();

/** GET /api/codebook: every tag's entry, in the order of TAGS. */
export const ZCodebookResponse = z.strictObject({ entries: z.array(ZCodebookEntryResponse) });
