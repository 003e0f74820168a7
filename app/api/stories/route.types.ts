import { z } from "zod";
import { sameType } from "@/lib/api-client/same-type";
import { ZCreateStory } from "@/lib/stories/schemas";
import type { storySummary } from "@/lib/stories/serialize";

export const ZStoryResponse = z.strictObject({ id: z.string(), title: z.string(), articleCount: z.number().int(), createdAt: z.iso.datetime() });
sameType<z.infer<typeof ZStoryResponse>, ReturnType<typeof storySummary>>();

/** GET /api/stories: the team's stories by title. */
export const ZListStoriesResponse = z.strictObject({ stories: z.array(ZStoryResponse) });

/** POST /api/stories (reviewers and admins): 201 with the new story. */
export const ZCreateStoryRequest = ZCreateStory;
export type TCreateStoryRequest = z.input<typeof ZCreateStoryRequest>;
export const ZCreateStoryResponse = ZStoryResponse;
