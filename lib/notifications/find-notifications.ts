import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NOTIFICATION_INCLUDE, serializeNotification, type TNotification } from "./serialize";
import { unreadCount } from "./unread-count";

type TPage = { cursor?: string; limit: number };

// A cursor is the last listed notification's time and id: the next page starts strictly after it in (createdAt desc,
// id desc) order, whatever was added or deleted meanwhile.
const encodeCursor = (n: { createdAt: Date; id: string }) => Buffer.from(`${n.createdAt.toISOString()}|${n.id}`).toString("base64url");

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time = "", id = ""] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(time);
  if (!id || Number.isNaN(createdAt.getTime()) || createdAt.toISOString() !== time) {
    throw new AppError("INVALID_INPUT", "cursor: not a cursor this list gave; start again without one.", "cursor");
  }
  return { createdAt, id };
}

/**
 * The caller's own notifications, newest first, a page at a time, with the unread count; those about an annotation
 * deleted since are left out.
 */
export async function findNotifications(
  user: TSessionUser,
  page: TPage,
): Promise<{ notifications: TNotification[]; unread: number; nextCursor: string | null }> {
  const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
  const where: Prisma.NotificationWhereInput = {
    userId: user.id,
    annotation: { deletedAt: null },
    ...(after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {}),
  };
  const rows = await db.notification.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    include: NOTIFICATION_INCLUDE,
  });
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    notifications: shown.map(serializeNotification),
    unread: await unreadCount(user),
    nextCursor: rows.length > page.limit && last ? encodeCursor(last) : null,
  };
}
