import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { unreadCount } from "./unread-count";

/**
 * Marks the caller's own notifications read: those named (ids that are not theirs change nothing and are not
 * reported), or all of them. Answers how many stay unread.
 */
export async function markNotificationsRead(user: TSessionUser, which: { ids: string[] } | { all: true }): Promise<{ unread: number }> {
  await db.notification.updateMany({
    where: { userId: user.id, readAt: null, ...("ids" in which ? { id: { in: which.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { unread: await unreadCount(user) };
}
