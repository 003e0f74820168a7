import { z } from "zod";
import { TAGS } from "@/lib/annotations/tags";

export const ZSearchQuery = z.object({
  q: z.string().trim().min(1, "type a word to search for").max(200, "must be at most 200 characters"),
  tag: z.enum(TAGS, { error: `must be one of ${TAGS.join(", ")}` }).optional(),
  outlet: z.string().min(1).max(200).optional(),
  storyId: z.string().min(1).max(100).optional(),
  author: z.string().min(1).max(100).optional(),
  status: z.enum(["pending", "accepted", "rejected"], { error: "must be pending, accepted or rejected" }).optional(),
});
export type TSearchInput = z.infer<typeof ZSearchQuery>;
