import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { AUTHOR_SELECT, serializeAnnotation, type TAnnotation } from "./serialize";
import { withApiTag } from "./tags";

export type TOrphan = TAnnotation & { orphanedAt: string };

/** The article's annotations that a correction of its text left without a place, newest first. */
export async function findOrphans(user: TSessionUser, articleId: string): Promise<TOrphan[]> {
  const article = await db.article.findFirst({ where: { id: articleId, teamId: user.teamId }, select: { id: true } });
  if (!article) throw notFound("Article");
  const rows = await db.annotation.findMany({
    where: { articleId, orphanedAt: { not: null } },
    include: { author: AUTHOR_SELECT },
    orderBy: [{ orphanedAt: "desc" }, { start: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ ...serializeAnnotation(withApiTag(row)), orphanedAt: row.orphanedAt!.toISOString() }));
}
