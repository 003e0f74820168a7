import { z } from "zod";
import { codePointLength } from "@/lib/anchoring/code-points";
import { ZText } from "@/lib/text/well-formed";
import { TAGS } from "./tags";

export const MAX_NOTE_CODE_POINTS = 2000;

const ZNote = ZText.refine((n) => codePointLength(n) <= MAX_NOTE_CODE_POINTS, `must be at most ${MAX_NOTE_CODE_POINTS} characters`);

const ZTag = z.enum(TAGS, { error: `must be one of ${TAGS.join(", ")}` });

export const ZCreateAnnotation = z
  .object({
    start: z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be 0 or more"),
    end: z.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be 1 or more"),
    tag: ZTag,
    note: ZNote.optional(),
    quote: ZText.optional(),
  })
  .refine((a) => a.start < a.end, { message: "must be greater than start", path: ["end"] });
export type TCreateAnnotation = z.infer<typeof ZCreateAnnotation>;

export const ZUpdateAnnotation = z
  .object({ tag: ZTag.optional(), note: ZNote.optional() })
  .refine((u) => u.tag !== undefined || u.note !== undefined, { message: "send tag or note to change" });
export type TUpdateAnnotation = z.infer<typeof ZUpdateAnnotation>;

export const ZAnnotationQuery = z.object({ author: z.string().min(1).max(100).optional() });
