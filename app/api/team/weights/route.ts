import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { findTeamWeights, updateTeamWeights, ZTeamWeights } from "@/lib/scoring/update-team-weights";

export const GET = apiRoute(async ({ user }) => json({ weights: await findTeamWeights(user) }));

export const PUT = apiRoute({ body: ZTeamWeights, maxBytes: 4 * 1024, requires: "team:set-weights" }, async ({ user, body }) =>
  json({ weights: await updateTeamWeights(user, body) }),
);

export const { POST, PATCH, DELETE, OPTIONS } = otherMethods("GET", "PUT");
