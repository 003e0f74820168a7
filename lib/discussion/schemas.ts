import { z } from "zod";
import { codePointLength } from "@/lib/anchoring/code-points";
import { ZText } from "@/lib/text/well-formed";

export const MAX_REPLY_CODE_POINTS = 4000;

/** A reply's text: plain text, not blank, at most MAX_REPLY_CODE_POINTS code points. */
export const ZReplyText = ZText.refine((t) => t.trim().length > 0, "must not be empty").refine(
  (t) => codePointLength(t) <= MAX_REPLY_CODE_POINTS,
  `must be at most ${MAX_REPLY_CODE_POINTS} characters`,
);

export const ZReplyInput = z.object({ text: ZReplyText });
export type TReplyInput = z.infer<typeof ZReplyInput>;

export const ZResolveInput = z.object({ resolved: z.boolean({ error: "must be true or false" }) });
export type TResolveInput = z.infer<typeof ZResolveInput>;
