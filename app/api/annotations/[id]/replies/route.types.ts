import { z } from "zod";
import { sameType } from "@/lib/api-client/same-type";
import { ZReplyInput } from "@/lib/discussion/schemas";
import type { serializeReply } from "@/lib/discussion/serialize";

/** A reply as the API answers it. */
export const ZReplyResponse = z.strictObject({
  id: z.string(),
  annotationId: z.string(),
  author: z.strictObject({ id: z.string(), name: z.string(), email: z.string() }),
  text: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TReplyResponse = z.infer<typeof ZReplyResponse>;
sameType<TReplyResponse, ReturnType<typeof serializeReply>>();

/** GET /api/annotations/:id/replies: the thread's replies, oldest first, and whether it is resolved. */
export const ZListRepliesResponse = z.strictObject({
  replies: z.array(ZReplyResponse),
  resolved: z.boolean(),
  /** Who resolved it, while it is resolved (null when open, or when that account is gone). */
  resolvedBy: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
});
export type TListRepliesResponse = z.infer<typeof ZListRepliesResponse>;

/** POST /api/annotations/:id/replies: 201 with the reply. */
export const ZCreateReplyRequest = ZReplyInput;
export type TCreateReplyRequest = z.input<typeof ZCreateReplyRequest>;
export const ZCreateReplyResponse = ZReplyResponse;
