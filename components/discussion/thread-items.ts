import type { TReplyResponse } from "@/app/api/annotations/[id]/replies/route.types";
import type { TReviewResponse } from "@/app/api/annotations/[id]/reviews/route.types";

export type TThreadItem = { kind: "review"; id: string; at: string; review: TReviewResponse } | { kind: "reply"; id: string; at: string; reply: TReplyResponse };

/**
 * Reviews and replies as one conversation, oldest first. On an equal time a review comes first: a reviewer's
 * reason is what a reply in the same instant most likely answers. The sort is stable, so each list keeps its own
 * order among equals.
 */
export function threadItems(reviews: readonly TReviewResponse[], replies: readonly TReplyResponse[]): TThreadItem[] {
  const items: TThreadItem[] = [
    ...reviews.map((review) => ({ kind: "review" as const, id: `review:${review.id}`, at: review.createdAt, review })),
    ...replies.map((reply) => ({ kind: "reply" as const, id: `reply:${reply.id}`, at: reply.createdAt, reply })),
  ];
  const time = (i: TThreadItem) => Date.parse(i.at);
  return items.sort((a, b) => time(a) - time(b) || (a.kind === b.kind ? 0 : a.kind === "review" ? -1 : 1));
}
