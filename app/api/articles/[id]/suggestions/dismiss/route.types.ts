import type { z } from "zod";
import { ZSuggestionKey } from "@/lib/suggestions/schemas";

/** POST /api/articles/:id/suggestions/dismiss: answers 204 with no body. */
export const ZDismissSuggestionRequest = ZSuggestionKey;
export type TDismissSuggestionRequest = z.input<typeof ZDismissSuggestionRequest>;
