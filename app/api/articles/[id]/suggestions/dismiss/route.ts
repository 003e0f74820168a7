import { apiRoute } from "@/lib/api/handler";
import { readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { dismissSuggestion } from "@/lib/suggestions/dismiss-suggestion";
import { ZSuggestionKey } from "@/lib/suggestions/schemas";

export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const key = await readJson(req, ZSuggestionKey, 4 * 1024);
  await dismissSuggestion(user, params.id, key);
  return new Response(null, { status: 204 });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
