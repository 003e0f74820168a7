import { z } from "zod";
import { TAGS } from "@/lib/annotations/tags";
import { sameType } from "@/lib/api-client/same-type";
import type { TArticleScoreBreakdown } from "@/lib/scoring/find-article-score";

const ZByTag = z.record(z.enum(TAGS), z.number());

/** GET /api/articles/:id/score: the score and what it was computed from (docs/metrics.md), without the sums S and T. */
export const ZArticleScoreResponse = z.strictObject({
  score: z.number().nullable(),
  weights: ZByTag,
  counts: ZByTag,
  spans: z.array(z.strictObject({ start: z.number().int(), end: z.number().int(), tag: z.enum(TAGS), annotationIds: z.array(z.string()) })),
  annotators: z.number().int(),
  alpha: z.number().nullable(),
});
export type TArticleScoreResponse = z.infer<typeof ZArticleScoreResponse>;
sameType<TArticleScoreResponse, Omit<TArticleScoreBreakdown, "S" | "T">>();
