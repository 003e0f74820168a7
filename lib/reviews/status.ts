import type { TStatus } from "@/lib/annotations/tags";

export type TVerdict = "agree" | "disagree";

export interface IVerdictCounts {
  agree: number;
  disagree: number;
}

// A tie (including no reviews at all) stays pending: neither side has carried the annotation yet.
export function annotationStatus(agree: number, disagree: number): TStatus {
  if (agree > disagree) return "accepted";
  if (disagree > agree) return "rejected";
  return "pending";
}

// Authors cannot vote their own annotation in (metrics.md), even if such a review slipped into storage.
export function countVerdicts(
  reviews: readonly { verdict: TVerdict; reviewerId: string }[],
  authorId: string,
): IVerdictCounts {
  const counts: IVerdictCounts = { agree: 0, disagree: 0 };
  for (const review of reviews) {
    if (review.reviewerId === authorId) continue;
    counts[review.verdict] += 1;
  }
  return counts;
}
