import { notFound } from "@/lib/errors";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { withApiTag } from "@/lib/annotations/tags";
import { articleAgreement } from "./article-agreement";

/** Krippendorff's alpha over word tokens and pairwise span F1 for one article of the user's team. */
export async function findArticleAgreement(user: TSessionUser, articleId: string) {
  const article = await db.article.findFirst({ where: { id: articleId, teamId: user.teamId }, select: { body: true } });
  if (!article) throw notFound("Article");
  const annotations = await db.annotation.findMany({
    where: { articleId, deletedAt: null },
    select: { id: true, authorId: true, start: true, end: true, tag: true },
  });
  return articleAgreement(article.body, annotations.map(withApiTag));
}
