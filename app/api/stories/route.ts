import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { createStory } from "@/lib/stories/create-story";
import { findStories } from "@/lib/stories/find-stories";
import { ZCreateStoryRequest } from "./route.types";

export const GET = apiRoute(async ({ user }) => json({ stories: await findStories(user) }));

export const POST = apiRoute({ body: ZCreateStoryRequest, maxBytes: 4096, requires: "story:edit" }, async ({ user, body }) => json(await createStory(user, body), 201));

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
