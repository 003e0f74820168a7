import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { publishChange } from "@/lib/live/publish-change";
import { findOwnReply } from "./find-own-reply";

/**
 * Deletes the caller's own reply for good, with the notifications it caused: they would point at a reply that is
 * gone. Answers, once committed, what was deleted.
 */
export async function deleteReply(user: TSessionUser, replyId: string): Promise<{ id: string; annotationId: string; articleId: string }> {
  const result = await db.$transaction(async (tx) => {
    const { reply, annotation } = await findOwnReply(tx, user, replyId, "delete");
    await tx.notification.deleteMany({ where: { replyId } });
    await tx.reply.delete({ where: { id: replyId } });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "reply.delete",
      entityType: "Reply",
      entityId: replyId,
      before: { annotationId: reply.annotationId, text: reply.text },
    });
    return { id: replyId, annotationId: reply.annotationId, articleId: annotation.articleId };
  });
  publishChange({ teamId: user.teamId, kind: "reply", articleId: result.articleId, annotationId: result.annotationId });
  return result;
}
