import { notFound } from "@/lib/api/errors";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { articleDetail, articleSummary } from "./serialize";

/** The caller's team's articles, newest publication first. Scores come from the per-article cache. */
export async function findArticles(user: TSessionUser) {
  const articles = await db.article.findMany({
    where: { teamId: user.teamId },
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    omit: { body: true },
  });
  return articles.map((a) => articleSummary({ ...a, body: "" }));
}

/** One article of the caller's team; another team's id is 404, never 403. */
export async function getArticle(user: TSessionUser, id: string) {
  const article = await db.article.findFirst({ where: { id, teamId: user.teamId }, include: { story: true } });
  if (!article) throw notFound("Article");
  return articleDetail(article);
}
