import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { AppError, notFound } from "@/lib/errors";
import { afterAnnotationsChanged } from "./after-change";
import { auditSnapshot } from "./serialize";
import { withApiTag } from "./tags";

/** Deletes an annotation (and its reviews); the author or an admin may. */
export async function deleteAnnotation(user: TSessionUser, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    // Another writer of this annotation waits here until this transaction ends, then reads what it left.
    await lockRows(tx, "Annotation", [id]);
    const current = await tx.annotation.findFirst({ where: { id, article: { teamId: user.teamId } } });
    if (!current) throw notFound("Annotation");
    if (current.authorId !== user.id && !can(user, "annotation:delete-any")) {
      throw new AppError("NOT_AUTHOR", "Only the author or an admin can delete an annotation.");
    }
    await tx.annotation.delete({ where: { id } });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "annotation.delete",
      entityType: "Annotation",
      entityId: id,
      before: auditSnapshot(withApiTag(current)),
    });
    await afterAnnotationsChanged(tx, current.articleId);
  });
}
