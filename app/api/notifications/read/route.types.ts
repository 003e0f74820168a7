import { z } from "zod";

/** POST /api/notifications/read: the caller's own notifications by id, or all of them; answers the unread count. */
export const ZMarkReadRequest = z.union([
  z.strictObject({ ids: z.array(z.string().min(1).max(100)).min(1, "must name at least one notification").max(500) }),
  z.strictObject({ all: z.literal(true) }),
], { error: 'send {"ids": ["<notification id>", …]} or {"all": true}' });
export type TMarkReadRequest = z.input<typeof ZMarkReadRequest>;
export const ZMarkReadResponse = z.strictObject({ unread: z.number().int() });
