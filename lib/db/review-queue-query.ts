import { Prisma } from "@/lib/generated/prisma/client";
import type { TTag } from "@/lib/annotations/tags";
import type { Db } from "./client";

// Why raw SQL: through a relation filter (`article: { teamId }`) Prisma emits `Annotation LEFT JOIN Article`, and the
// planner then walks the team's articles and sorts every unreviewed annotation before taking one page (3-5 s at
// 1,000,000 annotations). Naming Annotation first in a CROSS JOIN keeps it the outer loop, so the
// (articleId, start, end, id) index supplies the order and the walk stops after one page. The SQL is standard
// (row-value comparison, CROSS JOIN with the condition in WHERE) and runs unchanged on PostgreSQL.

export type TQueueFilter = {
  teamId: string;
  reviewerId: string;
  articleId?: string;
  tag?: TTag;
  authorId?: string;
};

/** Where the previous page ended: the queue's sort key of its last annotation. */
export type TQueueKey = { articleId: string; start: number; end: number; id: string };

function whereClause(filter: TQueueFilter, after: TQueueKey | null): Prisma.Sql {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`ar."id" = an."articleId"`,
    Prisma.sql`ar."teamId" = ${filter.teamId}`,
    Prisma.sql`an."authorId" <> ${filter.reviewerId}`,
    Prisma.sql`an."deletedAt" IS NULL`,
    Prisma.sql`NOT EXISTS (SELECT 1 FROM "Review" r WHERE r."annotationId" = an."id" AND r."reviewerId" = ${filter.reviewerId})`,
  ];
  if (filter.articleId !== undefined) conditions.push(Prisma.sql`an."articleId" = ${filter.articleId}`);
  if (filter.tag !== undefined) conditions.push(Prisma.sql`an."tag" = ${filter.tag}`);
  if (filter.authorId !== undefined) conditions.push(Prisma.sql`an."authorId" = ${filter.authorId}`);
  if (after) conditions.push(Prisma.sql`(an."articleId", an."start", an."end", an."id") > (${after.articleId}, ${after.start}, ${after.end}, ${after.id})`);
  return Prisma.join(conditions, " AND ");
}

/** Ids of the next `limit` annotations in queue order (article, start, end, id) after `after`. */
export async function findQueueIds(db: Db, filter: TQueueFilter, after: TQueueKey | null, limit: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT an."id" FROM "Annotation" an CROSS JOIN "Article" ar
     WHERE ${whereClause(filter, after)}
     ORDER BY an."articleId", an."start", an."end", an."id"
     LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

/**
 * How many annotations are in the queue, counting no further than `cap`. The walk is the page's own (same order,
 * same index), so it stops at the cap and never becomes a scan of the whole table.
 */
export async function countQueue(db: Db, filter: TQueueFilter, cap: number): Promise<number> {
  const rows = await db.$queryRaw<{ n: bigint | number }[]>`
    SELECT COUNT(*) AS n FROM (
      SELECT an."id" FROM "Annotation" an CROSS JOIN "Article" ar
       WHERE ${whereClause(filter, null)}
       ORDER BY an."articleId", an."start", an."end", an."id"
       LIMIT ${cap}) capped`;
  return Number(rows[0]?.n ?? 0);
}
