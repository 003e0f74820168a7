import { z } from "zod";
import { TAGS } from "@/lib/annotations/tags";
import { sameType } from "@/lib/api-client/same-type";
import { Verdict } from "@/lib/generated/prisma/enums";
import { ZReview } from "@/lib/reviews/schemas";
import type { serializeReview } from "@/lib/reviews/serialize";

/** A review as lib/reviews/serialize.ts answers it. */
export const ZReviewResponse = z.strictObject({
  id: z.string(),
  reviewer: z.strictObject({ id: z.string(), name: z.string() }),
  verdict: z.enum(Verdict),
  comment: z.string(),
  suggestedTag: z.enum(TAGS).nullable(),
  createdAt: z.iso.datetime(),
});
export type TReviewResponse = z.infer<typeof ZReviewResponse>;
sameType<TReviewResponse, ReturnType<typeof serializeReview>>();

/** GET /api/annotations/:id/reviews */
export const ZListReviewsResponse = z.strictObject({ reviews: z.array(ZReviewResponse) });

/** POST /api/annotations/:id/reviews: 201 for a first review, 200 when it replaces the reviewer's earlier one. */
export const ZSubmitReviewRequest = ZReview;
export type TSubmitReviewRequest = z.input<typeof ZSubmitReviewRequest>;
export const ZSubmitReviewResponse = ZReviewResponse;
