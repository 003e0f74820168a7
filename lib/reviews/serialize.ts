import { apiTag, type TTag } from "@/lib/annotations/tags";
import type { Review, User } from "@/lib/generated/prisma/client";
import type { Verdict } from "@/lib/generated/prisma/enums";

export type TReview = {
  id: string;
  reviewer: { id: string; name: string };
  verdict: Verdict;
  comment: string;
  suggestedTag: TTag | null;
  createdAt: string;
};

export function serializeReview(r: Review & { reviewer: Pick<User, "id" | "name"> }): TReview {
  return {
    id: r.id,
    reviewer: { id: r.reviewer.id, name: r.reviewer.name },
    verdict: r.verdict,
    comment: r.comment,
    suggestedTag: r.suggestedTag === null ? null : apiTag(r.suggestedTag),
    createdAt: r.updatedAt.toISOString(),
  };
}
