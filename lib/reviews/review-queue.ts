import { apiTag } from "@/lib/annotations/tags";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { countQueue, findQueueIds, type TQueueFilter, type TQueueKey } from "@/lib/db/review-queue-query";
import type { TReviewQueueQuery } from "./schemas";

/** Counting stops here: past it the queue shows "1,000+" instead of walking every unreviewed annotation. */
export const REMAINING_COUNT_CAP = 1000;

/** The sort key of the cursor annotation, if it is one of the team's (anything else starts from the top). */
async function keyOf(user: TSessionUser, cursor: string | undefined): Promise<TQueueKey | null> {
  if (!cursor) return null;
  const row = await db.annotation.findFirst({
    where: { id: cursor, article: { teamId: user.teamId } },
    select: { id: true, articleId: true, start: true, end: true },
  });
  return row;
}

/**
 * Teammates' annotations the user has not reviewed yet, across the team's articles, in reading order
 * (article, then position), with the text around each span. Cursor-paginated by annotation id.
 */
export async function findReviewQueue(user: TSessionUser, query: TReviewQueueQuery) {
  const filter: TQueueFilter = {
    teamId: user.teamId,
    reviewerId: user.id,
    ...(query.articleId ? { articleId: query.articleId } : {}),
    ...(query.tag ? { tag: query.tag } : {}),
    ...(query.author ? { authorId: query.author } : {}),
  };
  const after = await keyOf(user, query.cursor);
  const [ids, remaining] = await Promise.all([
    findQueueIds(db, filter, after, query.limit + 1),
    countQueue(db, filter, REMAINING_COUNT_CAP + 1),
  ]);
  const pageIds = ids.slice(0, query.limit);
  const rows = pageIds.length === 0 ? [] : await db.annotation.findMany({
    where: { id: { in: pageIds }, deletedAt: null },
    include: {
      author: { select: { id: true, name: true } },
      article: { select: { id: true, title: true, outlet: true } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  // A row deleted between the two reads simply drops out of the page.
  const page = pageIds.flatMap((id) => byId.get(id) ?? []);
  return {
    items: page.map((a) => ({
      id: a.id,
      article: a.article,
      start: a.start,
      end: a.end,
      prefix: a.prefix,
      quote: a.quote,
      suffix: a.suffix,
      tag: apiTag(a.tag),
      note: a.note,
      status: a.status,
      agreeCount: a.agreeCount,
      disagreeCount: a.disagreeCount,
      author: a.author,
      createdAt: a.createdAt.toISOString(),
    })),
    remaining: Math.min(remaining, REMAINING_COUNT_CAP),
    /** True when there are more than `remaining` (the count stopped at the cap). */
    remainingAtLeast: remaining > REMAINING_COUNT_CAP,
    nextCursor: ids.length > query.limit ? (pageIds.at(-1) ?? null) : null,
  };
}
export type TReviewQueueItem = Awaited<ReturnType<typeof findReviewQueue>>["items"][number];
