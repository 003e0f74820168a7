import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";

/** How many of the user's notifications are unread, leaving out those about deleted annotations (never listed). */
export async function unreadCount(user: TSessionUser): Promise<number> {
  return db.notification.count({ where: { userId: user.id, readAt: null, annotation: { deletedAt: null } } });
}
