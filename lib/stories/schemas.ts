import { z } from "zod";
import { ZText } from "@/lib/text/well-formed";

const ZStoryTitle = ZText.trim().min(1, "is required").max(300);

export const ZCreateStory = z.strictObject({ title: ZStoryTitle });
export type TCreateStory = z.infer<typeof ZCreateStory>;

/** A rename, or a merge of the story into another one of the team (its articles move there; it is removed). */
export const ZUpdateStory = z.union([z.strictObject({ title: ZStoryTitle }), z.strictObject({ mergeInto: z.string().min(1).max(100) })], {
  error: "send {title} to rename the story or {mergeInto} to merge it into another",
});
export type TUpdateStory = z.infer<typeof ZUpdateStory>;
