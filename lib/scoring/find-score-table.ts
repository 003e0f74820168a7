import { z } from "zod";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export const ZScoreTableQuery = z.object({
  sort: z.enum(["score", "outlet", "date", "annotations", "title"]).catch("score"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  outlet: z.string().max(200).optional().catch(undefined),
  story: z.string().max(100).optional().catch(undefined),
  from: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).optional().catch(undefined),
  to: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type TScoreTableQuery = z.infer<typeof ZScoreTableQuery>;
export const SCORE_TABLE_PAGE = 50;

/** The dashboard's article table: filters, sort and paging over the cached per-article scores. */
export async function findScoreTable(user: TSessionUser, q: TScoreTableQuery) {
  const where: Prisma.ArticleWhereInput = {
    teamId: user.teamId,
    ...(q.outlet ? { outlet: q.outlet } : {}),
    ...(q.story ? { storyId: q.story } : {}),
    ...(q.from || q.to
      ? { publishedAt: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lte: `${q.to}\uffff` } : {}) } }
      : {}),
  };
  const nulls = q.dir === "asc" ? "first" : "last";
  const orderBy: Prisma.ArticleOrderByWithRelationInput[] = [
    q.sort === "score"
      ? { score: { sort: q.dir, nulls } }
      : q.sort === "outlet"
        ? { outlet: { sort: q.dir, nulls } }
        : q.sort === "date"
          ? { publishedAt: { sort: q.dir, nulls } }
          : q.sort === "annotations"
            ? { annotationCount: q.dir }
            : { title: q.dir },
    { id: "asc" },
  ];
  const [rows, total, outlets, selectedStory] = await Promise.all([
    db.article.findMany({
      where,
      orderBy,
      skip: (q.page - 1) * SCORE_TABLE_PAGE,
      take: SCORE_TABLE_PAGE,
      select: {
        id: true,
        title: true,
        outlet: true,
        publishedAt: true,
        annotationCount: true,
        score: true,
        story: { select: { id: true, title: true } },
      },
    }),
    db.article.count({ where }),
    // A GROUP BY on the (teamId, outlet) index, not `distinct`: Prisma's `distinct` reads every article.
    db.article.groupBy({ by: ["outlet"], where: { teamId: user.teamId }, orderBy: { outlet: "asc" } }),
    // Only the story the table is filtered by: the filter's story picker lists a bounded set of stories
    // and must still be able to show the current one.
    q.story ? db.story.findFirst({ where: { id: q.story, teamId: user.teamId }, select: { id: true, title: true } }) : null,
  ]);
  return {
    rows,
    total,
    pages: Math.max(1, Math.ceil(total / SCORE_TABLE_PAGE)),
    outlets: outlets.map((o) => o.outlet).filter((o): o is string => o !== null),
    selectedStory,
  };
}
