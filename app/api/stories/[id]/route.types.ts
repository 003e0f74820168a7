import type { z } from "zod";
import { ZStoryResponse } from "@/app/api/stories/route.types";
import { ZUpdateStory } from "@/lib/stories/schemas";

/** PATCH /api/stories/:id: `{title}` renames; `{mergeInto}` merges into that story and answers it. */
export const ZUpdateStoryRequest = ZUpdateStory;
export type TUpdateStoryRequest = z.input<typeof ZUpdateStoryRequest>;
export const ZUpdateStoryResponse = ZStoryResponse;
