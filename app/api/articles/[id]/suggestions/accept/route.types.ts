import type { z } from "zod";
import { ZAnnotationResponse } from "@/app/api/annotations/[id]/route.types";
import { ZSuggestionKey } from "@/lib/suggestions/schemas";

/** POST /api/articles/:id/suggestions/accept: the suggestion becomes the caller's annotation (201, or 200 if it was). */
export const ZAcceptSuggestionRequest = ZSuggestionKey;
export type TAcceptSuggestionRequest = z.input<typeof ZAcceptSuggestionRequest>;
export const ZAcceptSuggestionResponse = ZAnnotationResponse;
