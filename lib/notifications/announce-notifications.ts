import { publishChange } from "@/lib/live/publish-change";

/** Tells the recipients' open pages (their bell) of notifications just committed; nothing when there are none. */
export function announceNotifications(teamId: string, where: { articleId: string; annotationId: string }, userIds: string[]): void {
  if (userIds.length) publishChange({ teamId, kind: "notification", ...where, userIds });
}
