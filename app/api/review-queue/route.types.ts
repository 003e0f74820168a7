import { z } from "zod";
import { TAGS } from "@/lib/annotations/tags";
import { sameType } from "@/lib/api-client/same-type";
import { AnnotationStatus } from "@/lib/generated/prisma/enums";
import type { findReviewQueue } from "@/lib/reviews/review-queue";
import { ZReviewQueueQuery } from "@/lib/reviews/schemas";

/** GET /api/review-queue */
export const ZReviewQueueRequest = ZReviewQueueQuery;
export type TReviewQueueRequest = z.input<typeof ZReviewQueueRequest>;

export const ZReviewQueueItem = z.strictObject({
  id: z.string(),
  article: z.strictObject({ id: z.string(), title: z.string(), outlet: z.string().nullable() }),
  start: z.number().int(),
  end: z.number().int(),
  prefix: z.string(),
  quote: z.string(),
  suffix: z.string(),
  tag: z.enum(TAGS),
  note: z.string(),
  status: z.enum(AnnotationStatus),
  agreeCount: z.number().int(),
  disagreeCount: z.number().int(),
  author: z.strictObject({ id: z.string(), name: z.string() }),
  createdAt: z.iso.datetime(),
});
export type TReviewQueueItem = z.infer<typeof ZReviewQueueItem>;

export const ZReviewQueueResponse = z.strictObject({
  items: z.array(ZReviewQueueItem),
  remaining: z.number().int(),
  remainingAtLeast: z.boolean(),
  nextCursor: z.string().nullable(),
});
export type TReviewQueueResponse = z.infer<typeof ZReviewQueueResponse>;
sameType<TReviewQueueResponse, Awaited<ReturnType<typeof findReviewQueue>>>();
