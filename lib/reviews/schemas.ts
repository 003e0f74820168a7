import { z } from "zod";
import { codePointLength } from "@/lib/anchoring/code-points";
import { TAGS } from "@/lib/annotations/tags";
import { ZText } from "@/lib/text/well-formed";

export const MAX_COMMENT_CODE_POINTS = 2000;

export const ZReview = z.object({
  verdict: z.enum(["agree", "disagree"], { error: "must be agree or disagree" }),
  comment: ZText.refine(
    (c) => codePointLength(c) <= MAX_COMMENT_CODE_POINTS,
    `must be at most ${MAX_COMMENT_CODE_POINTS} characters`,
  ).optional(),
  suggestedTag: z.enum(TAGS, { error: `must be one of ${TAGS.join(", ")}` }).nullable().optional(),
});
export type TReviewInput = z.infer<typeof ZReview>;

export const ZReviewQueueQuery = z.object({
  articleId: z.string().min(1).max(100).optional(),
  tag: z.enum(TAGS, { error: `must be one of ${TAGS.join(", ")}` }).optional(),
  author: z.string().min(1).max(100).optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TReviewQueueQuery = z.infer<typeof ZReviewQueueQuery>;
