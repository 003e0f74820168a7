import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { publishChange } from "@/lib/live/publish-change";
import { announceNotifications } from "@/lib/notifications/announce-notifications";
import { recordNotifications } from "@/lib/notifications/record-notifications";
import { findOwnReply } from "./find-own-reply";
import { mentionedTeammates } from "./mentioned-teammates";
import type { TReplyInput } from "./schemas";
import { REPLY_AUTHOR, serializeReply, type TReply } from "./serialize";

/**
 * Changes the text of the caller's own reply; teammates it newly mentions are notified, those it already mentioned
 * are not told again. Answers, once committed, the reply, its article and who was notified.
 */
export async function updateReply(
  user: TSessionUser,
  replyId: string,
  input: TReplyInput,
): Promise<{ reply: TReply; articleId: string; notified: string[] }> {
  const result = await db.$transaction(async (tx) => {
    const { reply: current, annotation } = await findOwnReply(tx, user, replyId, "edit");
    const mentioned = await mentionedTeammates(tx, user.teamId, input.text, current.text);
    const reply = await tx.reply.update({ where: { id: replyId }, data: { text: input.text }, include: REPLY_AUTHOR });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "reply.update",
      entityType: "Reply",
      entityId: replyId,
      before: { annotationId: current.annotationId, text: current.text },
      after: { annotationId: current.annotationId, text: reply.text },
    });
    const notified = await recordNotifications(tx, { event: "reply-edit", actorId: user.id, annotation, replyId, mentioned });
    return { reply: serializeReply(reply), articleId: annotation.articleId, notified };
  });
  const where = { articleId: result.articleId, annotationId: result.reply.annotationId };
  publishChange({ teamId: user.teamId, kind: "reply", ...where });
  announceNotifications(user.teamId, where, result.notified);
  return result;
}
