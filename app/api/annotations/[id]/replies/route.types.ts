import { z } from "zod";
import { ZReplyInput } from "@/lib/discussion/schemas";

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

/** GET /api/annotations/:id/replies: the thread's replies, oldest first, and whether it is resolved. */
export const ZListRepliesResponse = z.strictObject({ replies: z.array(ZReplyResponse), resolved: z.boolean() });
export type TListRepliesResponse = z.infer<typeof ZListRepliesResponse>;

/** POST /api/annotations/:id/replies: 201 with the reply. */
export const ZCreateReplyRequest = ZReplyInput;
export type TCreateReplyRequest = z.input<typeof ZCreateReplyRequest>;
export const ZCreateReplyResponse = ZReplyResponse;
