import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { publishChange } from "@/lib/live/publish-change";
import type { TResolveInput } from "./schemas";
import { lockThreadAnnotation } from "./thread-annotation";

/**
 * Resolves or reopens an annotation's thread; any member of its team may. Asking for the state it is already in
 * changes and records nothing. Answers, once committed, the thread's state and whether it changed.
 */
export async function resolveThread(
  user: TSessionUser,
  annotationId: string,
  input: TResolveInput,
): Promise<{ resolved: boolean; changed: boolean; annotationId: string; articleId: string }> {
  const result = await db.$transaction(async (tx) => {
    const annotation = await lockThreadAnnotation(tx, user, annotationId);
    const done = { resolved: input.resolved, annotationId, articleId: annotation.articleId };
    if ((annotation.threadResolvedAt !== null) === input.resolved) return { ...done, changed: false };
    const thread = input.resolved ? { threadResolvedAt: new Date(), threadResolvedById: user.id } : { threadResolvedAt: null, threadResolvedById: null };
    // updatedAt dates changes of the annotation itself, which its thread's state is not.
    await tx.annotation.update({ where: { id: annotationId }, data: { ...thread, updatedAt: annotation.updatedAt } });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: input.resolved ? "thread.resolve" : "thread.reopen",
      entityType: "Annotation",
      entityId: annotationId,
      before: { resolved: !input.resolved },
      after: { resolved: input.resolved },
    });
    return { ...done, changed: true };
  });
  if (result.changed) publishChange({ teamId: user.teamId, kind: "thread", articleId: result.articleId, annotationId: result.annotationId });
  return result;
}
