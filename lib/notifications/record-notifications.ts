import type { Tx } from "@/lib/db/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

type TThread = { id: string; articleId: string; authorId: string };

/** What happened, as the writer's transaction knows it. */
export type TNotifiable =
  /** A new reply: the mentioned hear of the mention; the annotation's author and the thread's earlier repliers and reviewers, of the reply. */
  | { event: "reply"; actorId: string; annotation: TThread; replyId: string; mentioned: readonly string[] }
  /** An edited reply: only the teammates it newly mentions. */
  | { event: "reply-edit"; actorId: string; annotation: TThread; replyId: string; mentioned: readonly string[] }
  /** A review created or changed: the annotation's author. */
  | { event: "verdict"; actorId: string; annotation: TThread };

/**
 * Writes the notifications an event causes, inside the writer's transaction so that they exist exactly when the
 * change does; answers who was told. Never the actor, and at most one notification per person per event (a mention
 * wins over a reply).
 */
export async function recordNotifications(tx: Tx, what: TNotifiable): Promise<string[]> {
  const recipients = new Map<string, NotificationKind>();
  const tell = (userId: string, kind: NotificationKind) => {
    if (userId !== what.actorId && !recipients.has(userId)) recipients.set(userId, kind);
  };
  if (what.event === "verdict") {
    tell(what.annotation.authorId, "verdict");
  } else {
    for (const id of what.mentioned) tell(id, "mention");
    if (what.event === "reply") {
      tell(what.annotation.authorId, "reply");
      const repliers = await tx.reply.findMany({
        where: { annotationId: what.annotation.id, id: { not: what.replyId } },
        select: { authorId: true },
        distinct: ["authorId"],
      });
      const reviewers = await tx.review.findMany({ where: { annotationId: what.annotation.id }, select: { reviewerId: true } });
      for (const r of repliers) tell(r.authorId, "reply");
      for (const r of reviewers) tell(r.reviewerId, "reply");
    }
  }
  if (!recipients.size) return [];
  const replyId = what.event === "verdict" ? null : what.replyId;
  await tx.notification.createMany({
    data: [...recipients].map(([userId, kind]) => ({
      userId,
      kind,
      actorId: what.actorId,
      annotationId: what.annotation.id,
      articleId: what.annotation.articleId,
      replyId,
    })),
  });
  return [...recipients.keys()];
}
