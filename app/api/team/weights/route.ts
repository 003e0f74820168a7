import { apiRoute, json } from "@/lib/api/handler";
import { readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { findTeamWeights, updateTeamWeights, ZTeamWeights } from "@/lib/scoring/update-team-weights";

export const GET = apiRoute(async ({ user }) => json({ weights: await findTeamWeights(user) }));

export const PUT = apiRoute(async ({ req, user }) => {
  const weights = await readJson(req, ZTeamWeights, 4 * 1024);
  return json({ weights: await updateTeamWeights(user, weights) });
});

export const { POST, PATCH, DELETE, OPTIONS } = otherMethods("GET", "PUT");
