import { z } from "zod";
import { sameType } from "@/lib/api-client/same-type";
import { NotificationKind } from "@/lib/generated/prisma/enums";
import type { serializeNotification } from "@/lib/notifications/serialize";

/**
 * One notification. Beyond the contract's fields it names who did it, the article and the passage, so that the
 * list reads without further requests.
 */
export const ZNotificationResponse = z.strictObject({
  id: z.string(),
  kind: z.enum(NotificationKind),
  read: z.boolean(),
  createdAt: z.iso.datetime(),
  annotationId: z.string(),
  articleId: z.string(),
  replyId: z.string().nullable(),
  actor: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  articleTitle: z.string(),
  quote: z.string(),
});
export type TNotificationResponse = z.infer<typeof ZNotificationResponse>;
sameType<TNotificationResponse, ReturnType<typeof serializeNotification>>();

/** GET /api/notifications[?cursor&limit]: newest first; `nextCursor` is null on the last page. */
export const ZListNotificationsQuery = z.object({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type TListNotificationsQuery = z.input<typeof ZListNotificationsQuery>;
export const ZListNotificationsResponse = z.strictObject({
  notifications: z.array(ZNotificationResponse),
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type TListNotificationsResponse = z.infer<typeof ZListNotificationsResponse>;
