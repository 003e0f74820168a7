import type { z } from "zod";
import { ZCodebookEntryResponse } from "@/app/api/codebook/route.types";
import { ZCodebookEntry } from "@/lib/annotations/codebook";

/** PUT /api/codebook/:tag (admins): the team's own wording for the tag. */
export const ZUpdateCodebookEntryRequest = ZCodebookEntry;
export type TUpdateCodebookEntryRequest = z.input<typeof ZUpdateCodebookEntryRequest>;
export const ZUpdateCodebookEntryResponse = ZCodebookEntryResponse;

/** DELETE /api/codebook/:tag (admins, no body): back to the built-in wording, which it answers with. */
export const ZResetCodebookEntryResponse = ZCodebookEntryResponse;
