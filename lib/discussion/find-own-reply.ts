import type { TSessionUser } from "@/lib/auth/session-user";
import type { Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { lockThreadAnnotation } from "./thread-annotation";

/**
 * The caller's own reply, for an edit or a delete, with its thread's annotation locked: another team's reply, one on
 * a deleted annotation, or none at all is not found; a teammate's is refused (only its author may change it).
 */
export async function findOwnReply(tx: Tx, user: TSessionUser, replyId: string, doing: "edit" | "delete") {
  const found = await tx.reply.findFirst({
    where: { id: replyId, annotation: { deletedAt: null, article: { teamId: user.teamId } } },
    select: { annotationId: true },
  });
  if (!found) throw notFound("Reply");
  const annotation = await lockThreadAnnotation(tx, user, found.annotationId);
  // Read again under the lock: a concurrent delete may have removed it meanwhile.
  const reply = await tx.reply.findUnique({ where: { id: replyId } });
  if (!reply) throw notFound("Reply");
  if (reply.authorId !== user.id) throw new AppError("NOT_AUTHOR", `Only the author of a reply can ${doing} it.`);
  return { reply, annotation };
}
