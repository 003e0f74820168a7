import "server-only";
import { notFound } from "@/lib/api/errors";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { articleDetail, articleSummary } from "./serialize";
import { scoresForArticles } from "./article-scores";

/** The caller's team's articles, newest publication first. */
export async function findArticles(user: TSessionUser) {
  const articles = await db.article.findMany({
    where: { teamId: user.teamId },
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    omit: { body: true },
  });
  const scores = await scoresForArticles(articles.map((a) => a.id), user.teamId);
  return articles.map((a) => {
    const s = scores.get(a.id);
    return articleSummary({ ...a, body: "" }, s?.annotationCount ?? 0, s?.score ?? null);
  });
}

/** One article of the caller's team; another team's id is 404, never 403. */
export async function getArticle(user: TSessionUser, id: string) {
  const article = await db.article.findFirst({ where: { id, teamId: user.teamId }, include: { story: true } });
  if (!article) throw notFound("Article");
  const s = (await scoresForArticles([id], user.teamId)).get(id);
  return articleDetail(article, s?.annotationCount ?? 0, s?.score ?? null);
}
