import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { publishChange } from "@/lib/live/publish-change";
import { announceNotifications } from "@/lib/notifications/announce-notifications";
import { recordNotifications } from "@/lib/notifications/record-notifications";
import { mentionedTeammates } from "./mentioned-teammates";
import type { TReplyInput } from "./schemas";
import { REPLY_AUTHOR, serializeReply, type TReply } from "./serialize";
import { lockThreadAnnotation } from "./thread-annotation";

/**
 * Adds a reply to an annotation's thread, with its audit event and the notifications it causes, in one transaction.
 * Answers, once committed, the reply, its article and who was notified.
 */
export async function createReply(
  user: TSessionUser,
  annotationId: string,
  input: TReplyInput,
): Promise<{ reply: TReply; articleId: string; notified: string[] }> {
  const result = await db.$transaction(async (tx) => {
    const annotation = await lockThreadAnnotation(tx, user, annotationId);
    const mentioned = await mentionedTeammates(tx, user.teamId, input.text);
    const reply = await tx.reply.create({ data: { annotationId, authorId: user.id, text: input.text }, include: REPLY_AUTHOR });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "reply.create",
      entityType: "Reply",
      entityId: reply.id,
      after: { annotationId, text: reply.text },
    });
    const notified = await recordNotifications(tx, { event: "reply", actorId: user.id, annotation, replyId: reply.id, mentioned });
    return { reply: serializeReply(reply), articleId: annotation.articleId, notified };
  });
  const where = { articleId: result.articleId, annotationId: result.reply.annotationId };
  publishChange({ teamId: user.teamId, kind: "reply", ...where });
  announceNotifications(user.teamId, where, result.notified);
  return result;
}
