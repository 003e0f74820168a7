import { apiRoute, json } from "@/lib/api/handler";
import { findSuggestions } from "@/lib/suggestions/find-suggestions";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  return json({ suggestions: await findSuggestions(user, params.id) });
});
