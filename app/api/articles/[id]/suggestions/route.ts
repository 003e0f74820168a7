import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { findSuggestions } from "@/lib/suggestions/find-suggestions";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  return json({ suggestions: await findSuggestions(user, params.id) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
