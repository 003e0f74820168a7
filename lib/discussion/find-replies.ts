import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { REPLY_AUTHOR, serializeReply } from "./serialize";

/** An annotation's thread: its replies, oldest first, and whether it is resolved, by whom. */
export async function findReplies(user: TSessionUser, annotationId: string) {
  const annotation = await db.annotation.findFirst({
    where: { id: annotationId, deletedAt: null, article: { teamId: user.teamId } },
    select: { threadResolvedAt: true, threadResolvedBy: { select: { id: true, name: true } } },
  });
  if (!annotation) throw notFound("Annotation");
  const replies = await db.reply.findMany({
    where: { annotationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: REPLY_AUTHOR,
  });
  const resolved = annotation.threadResolvedAt !== null;
  return { replies: replies.map(serializeReply), resolved, resolvedBy: resolved ? annotation.threadResolvedBy : null };
}
