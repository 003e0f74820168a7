import { z } from "zod";
import { notFound } from "@/lib/errors";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { articleDetail, articleSummary } from "./serialize";

export const ZArticleListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  cursor: z.string().min(1).max(100).optional(),
});
export type TArticleListQuery = z.infer<typeof ZArticleListQuery>;

/**
 * The caller's team's articles, newest publication first, a page at a time (`nextCursor` is null on the
 * last page). Scores come from the per-article cache.
 */
export async function findArticlePage(user: TSessionUser, query: TArticleListQuery = { limit: 200 }) {
  const [rows, total] = await Promise.all([
    db.article.findMany({
      where: { teamId: user.teamId },
      orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
      omit: { body: true },
      take: query.limit + 1,
      ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
    }),
    db.article.count({ where: { teamId: user.teamId } }),
  ]);
  const page = rows.slice(0, query.limit);
  return {
    articles: page.map((a) => articleSummary({ ...a, body: "" })),
    total,
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Every article of the team (for filters): ids and titles only. */
export async function findArticleTitles(user: TSessionUser) {
  return db.article.findMany({
    where: { teamId: user.teamId },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }, { id: "asc" }],
    select: { id: true, title: true },
  });
}

/** One article of the caller's team; another team's id is 404, never 403. */
export async function getArticle(user: TSessionUser, id: string) {
  const article = await db.article.findFirst({ where: { id, teamId: user.teamId }, include: { story: true } });
  if (!article) throw notFound("Article");
  return articleDetail(article);
}
