import { notFound } from "@/lib/errors";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { serializeReview } from "./serialize";

export async function findReviews(user: TSessionUser, annotationId: string) {
  const annotation = await db.annotation.findFirst({
    where: { id: annotationId, deletedAt: null, article: { teamId: user.teamId } },
    select: { id: true },
  });
  if (!annotation) throw notFound("Annotation");
  const reviews = await db.review.findMany({
    where: { annotationId },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    include: { reviewer: { select: { id: true, name: true } } },
  });
  return reviews.map(serializeReview);
}
