import type { Review, User } from "@/lib/generated/prisma/client";

export type TReview = {
  id: string;
  reviewer: { id: string; name: string };
  verdict: string;
  comment: string;
  suggestedTag: string | null;
  createdAt: string;
};

export function serializeReview(r: Review & { reviewer: Pick<User, "id" | "name"> }): TReview {
  return {
    id: r.id,
    reviewer: { id: r.reviewer.id, name: r.reviewer.name },
    verdict: r.verdict,
    comment: r.comment,
    suggestedTag: r.suggestedTag,
    createdAt: r.updatedAt.toISOString(),
  };
}
