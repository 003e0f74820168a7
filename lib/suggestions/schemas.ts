import { z } from "zod";
import { TAGS, type TTag } from "@/lib/annotations/tags";

/** A suggestion as the client names it when accepting or dismissing: its span and tag. */
export const ZSuggestionKey = z
  .object({
    start: z.number({ error: "must be a number" }).int("must be a whole number").min(0, "must be 0 or more"),
    end: z.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be 1 or more"),
    tag: z.enum(TAGS, { error: `must be one of ${TAGS.join(", ")}` }),
  })
  .refine((s) => s.start < s.end, { message: "must be greater than start", path: ["end"] });
export type TSuggestionKey = z.infer<typeof ZSuggestionKey>;

export const suggestionKey = (s: { start: number; end: number; tag: TTag }) => `${s.start}:${s.end}:${s.tag}`;
