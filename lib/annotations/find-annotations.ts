import { notFound } from "@/lib/errors";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { AUTHOR_SELECT, serializeAnnotation, type TAnnotation } from "./serialize";
import { withApiTag } from "./tags";

/** An article's annotations in text order (start, then end), optionally one author's. */
export async function findAnnotations(
  user: TSessionUser,
  articleId: string,
  filter: { author?: string } = {},
): Promise<TAnnotation[]> {
  const article = await db.article.findFirst({ where: { id: articleId, teamId: user.teamId }, select: { id: true } });
  if (!article) throw notFound("Article");
  const rows = await db.annotation.findMany({
    where: { articleId, deletedAt: null, ...(filter.author ? { authorId: filter.author } : {}) },
    orderBy: [{ start: "asc" }, { end: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    include: { author: AUTHOR_SELECT },
  });
  return rows.map((row) => serializeAnnotation(withApiTag(row)));
}
