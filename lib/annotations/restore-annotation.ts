import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db, type Tx } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { AppError, notFound } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish-change";
import { afterAnnotationChanged } from "./after-change";
import { PURGE_AUDIT_ACTION } from "./purge-deleted";
import { AUTHOR_SELECT, lifecycleSnapshot, serializeAnnotation, type TAnnotation } from "./serialize";
import { withApiTag } from "./tags";

/** Whether the team's annotation `id` was deleted and then replaced by the same span and tag saved again. */
async function wasReplaced(tx: Tx, teamId: string, id: string): Promise<boolean> {
  const purge = await tx.auditEvent.findFirst({
    where: { entityType: "Annotation", entityId: id, teamId, action: PURGE_AUDIT_ACTION },
    select: { id: true },
  });
  return purge !== null;
}

/**
 * Brings back a deleted annotation: the same id, creation time, reviews and status, as it was when deleted. Whoever
 * may delete it (the author, or an admin) may restore it.
 */
export async function restoreAnnotation(user: TSessionUser, id: string): Promise<TAnnotation> {
  const restored = await db.$transaction(async (tx) => {
    // Another writer of this annotation waits here until this transaction ends, then reads what it left.
    await lockRows(tx, "Annotation", [id]);
    const current = await tx.annotation.findFirst({
      where: { id, article: { teamId: user.teamId } },
      include: { _count: { select: { reviews: true } } },
    });
    if (!current) {
      if (await wasReplaced(tx, user.teamId, id)) {
        throw new AppError(
          "ANNOTATION_REPLACED",
          "This annotation cannot be restored: the same span and tag were saved again since, and that annotation replaced it.",
        );
      }
      throw notFound("Annotation");
    }
    if (current.authorId !== user.id && !can(user, "annotation:delete-any")) {
      throw new AppError("NOT_AUTHOR", "Only the author or an admin can restore an annotation.");
    }
    if (current.deletedAt === null) throw new AppError("NOT_DELETED", "This annotation is not deleted.");
    if (current.orphanedAt !== null) {
      throw new AppError("CONFLICT", "This annotation lost its place when the article's text was corrected: annotate the passage again instead.");
    }
    const restored = withApiTag(
      await tx.annotation.update({
        where: { id },
        data: { deletedAt: null, deletedById: null, updatedAt: current.updatedAt },
        include: { author: AUTHOR_SELECT },
      }),
    );
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "annotation.restore",
      entityType: "Annotation",
      entityId: id,
      before: { deletedAt: current.deletedAt.toISOString(), deletedById: current.deletedById },
      after: lifecycleSnapshot(restored, current._count.reviews),
    });
    await afterAnnotationChanged(tx, current.articleId, { id, before: null, after: restored });
    return serializeAnnotation(restored);
  });
  publishChange({ teamId: user.teamId, kind: "annotation", articleId: restored.articleId, annotationId: id });
  return restored;
}
