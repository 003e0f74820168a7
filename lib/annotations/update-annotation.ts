import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { prismaWriter } from "@/lib/db/prisma-writer";
import { lockRows } from "@/lib/db/locks";
import { AppError, notFound } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish-change";
import { afterAnnotationChanged } from "./after-change";
import { purgeDeletedAnnotation } from "./purge-deleted";
import type { TUpdateAnnotation } from "./schemas";
import { AUTHOR_SELECT, auditSnapshot, serializeAnnotation } from "./serialize";
import { dbTag, withApiTag } from "./tags";

/** Changes the tag or note; only the author may. */
export async function updateAnnotation(user: TSessionUser, id: string, input: TUpdateAnnotation) {
  const updated = await db.$transaction(async (tx) => {
    // Another writer of this annotation waits here until this transaction ends, then reads what it left.
    await lockRows(tx, "Annotation", [id]);
    const row = await tx.annotation.findFirst({ where: { id, deletedAt: null, article: { teamId: user.teamId } } });
    if (!row) throw notFound("Annotation");
    const current = withApiTag(row);
    if (current.authorId !== user.id) throw new AppError("NOT_AUTHOR", "Only the author can change an annotation.");
    if (input.tag && input.tag !== current.tag) {
      const clash = await tx.annotation.findUnique({
        where: {
          articleId_authorId_start_end_tag: {
            articleId: current.articleId,
            authorId: user.id,
            start: current.start,
            end: current.end,
            tag: dbTag(input.tag),
          },
        },
      });
      if (clash && clash.deletedAt === null) throw new AppError("DUPLICATE_ANNOTATION", "You already tagged this span with that tag.", "tag");
      // A deleted annotation with that tag gives up its key, as when the span and tag are saved anew.
      if (clash) await purgeDeletedAnnotation(prismaWriter(tx), user, withApiTag(clash), id);
    }
    const updated = withApiTag(await tx.annotation.update({
      where: { id },
      data: { ...(input.tag ? { tag: dbTag(input.tag) } : {}), ...(input.note !== undefined ? { note: input.note } : {}) },
      include: { author: AUTHOR_SELECT },
    }));
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "annotation.update",
      entityType: "Annotation",
      entityId: id,
      before: auditSnapshot(current),
      after: auditSnapshot(updated),
    });
    if (updated.tag !== current.tag) await afterAnnotationChanged(tx, current.articleId, { id, before: current, after: updated });
    return serializeAnnotation(updated);
  });
  publishChange({ teamId: user.teamId, kind: "annotation", articleId: updated.articleId, annotationId: id });
  return updated;
}
