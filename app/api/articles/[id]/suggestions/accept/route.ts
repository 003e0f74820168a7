import { apiRoute, json } from "@/lib/api/handler";
import { readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { acceptSuggestion } from "@/lib/suggestions/accept-suggestion";
import { ZSuggestionKey } from "@/lib/suggestions/schemas";

export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const key = await readJson(req, ZSuggestionKey, 4 * 1024);
  const { annotation, created } = await acceptSuggestion(user, params.id, key);
  return json(annotation, created ? 201 : 200);
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
