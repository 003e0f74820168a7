import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TReviewQueueQuery } from "./schemas";

/**
 * Teammates' annotations the user has not reviewed yet, across the team's articles, in reading order
 * (article, then position), with the text around each span. Cursor-paginated by annotation id.
 */
export async function findReviewQueue(user: TSessionUser, query: TReviewQueueQuery) {
  const where: Prisma.AnnotationWhereInput = {
    article: { teamId: user.teamId },
    authorId: query.author ? { equals: query.author, not: user.id } : { not: user.id },
    reviews: { none: { reviewerId: user.id } },
    ...(query.articleId ? { articleId: query.articleId } : {}),
    ...(query.tag ? { tag: query.tag } : {}),
  };
  const [rows, remaining] = await Promise.all([
    db.annotation.findMany({
      where,
      orderBy: [{ articleId: "asc" }, { start: "asc" }, { id: "asc" }],
      take: query.limit + 1,
      ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}),
      include: {
        author: { select: { id: true, name: true } },
        article: { select: { id: true, title: true, outlet: true } },
      },
    }),
    db.annotation.count({ where }),
  ]);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((a) => ({
      id: a.id,
      article: a.article,
      start: a.start,
      end: a.end,
      prefix: a.prefix,
      quote: a.quote,
      suffix: a.suffix,
      tag: a.tag,
      note: a.note,
      status: a.status,
      agreeCount: a.agreeCount,
      disagreeCount: a.disagreeCount,
      author: a.author,
      createdAt: a.createdAt.toISOString(),
    })),
    remaining,
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
export type TReviewQueueItem = Awaited<ReturnType<typeof findReviewQueue>>["items"][number];
