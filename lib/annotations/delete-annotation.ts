import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { AppError, notFound } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish-change";
import { afterAnnotationChanged } from "./after-change";
import { lifecycleSnapshot } from "./serialize";
import { withApiTag } from "./tags";

/**
 * Deletes an annotation; the author or an admin may. The row and its reviews stay, marked deleted, so that
 * restoreAnnotation can bring back the same annotation with its reviews and status; every other read skips it.
 */
export async function deleteAnnotation(user: TSessionUser, id: string): Promise<void> {
  const articleId = await db.$transaction(async (tx) => {
    // Another writer of this annotation waits here until this transaction ends, then reads what it left.
    await lockRows(tx, "Annotation", [id]);
    const current = await tx.annotation.findFirst({
      where: { id, deletedAt: null, article: { teamId: user.teamId } },
      include: { _count: { select: { reviews: true } } },
    });
    if (!current) throw notFound("Annotation");
    if (current.authorId !== user.id && !can(user, "annotation:delete-any")) {
      throw new AppError("NOT_AUTHOR", "Only the author or an admin can delete an annotation.");
    }
    // updatedAt is kept: it dates the last change of the annotation itself, which a restore brings back unchanged.
    await tx.annotation.update({
      where: { id },
      data: { deletedAt: new Date(), deletedById: user.id, updatedAt: current.updatedAt },
    });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "annotation.delete",
      entityType: "Annotation",
      entityId: id,
      before: lifecycleSnapshot(withApiTag(current), current._count.reviews),
    });
    await afterAnnotationChanged(tx, current.articleId, { id, before: withApiTag(current), after: null });
    return current.articleId;
  });
  publishChange({ teamId: user.teamId, kind: "annotation", articleId, annotationId: id });
}
