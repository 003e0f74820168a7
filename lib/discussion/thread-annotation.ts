import type { TSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { notFound } from "@/lib/errors";

/**
 * The annotation whose thread a write changes, locked until the transaction ends so that concurrent writers of the
 * same thread take turns; another team's, a deleted or a missing annotation is not found.
 */
export async function lockThreadAnnotation(tx: Tx, user: TSessionUser, annotationId: string) {
  await lockRows(tx, "Annotation", [annotationId]);
  const annotation = await tx.annotation.findFirst({
    where: { id: annotationId, deletedAt: null, article: { teamId: user.teamId } },
    select: { id: true, articleId: true, authorId: true, threadResolvedAt: true, updatedAt: true },
  });
  if (!annotation) throw notFound("Annotation");
  return annotation;
}
