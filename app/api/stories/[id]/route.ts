import { z } from "zod";
import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { updateStory } from "@/lib/stories/update-story";
import { ZUpdateStoryRequest } from "./route.types";

export const PATCH = apiRoute({ params: z.object({ id: z.string() }), body: ZUpdateStoryRequest, maxBytes: 4096, requires: "story:edit" }, async ({ user, params, body }) =>
  json(await updateStory(user, params.id, body)),
);

export const { GET, HEAD, POST, PUT, DELETE, OPTIONS } = otherMethods("PATCH");
