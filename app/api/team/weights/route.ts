import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { ZTeamWeights } from "@/lib/scoring/schemas";
import { findTeamWeights, updateTeamWeights } from "@/lib/scoring/update-team-weights";
import type { TSetWeightsResponse } from "./route.types";

export const GET = apiRoute(async ({ user }) => json({ weights: await findTeamWeights(user) }));

export const PUT = apiRoute({ body: ZTeamWeights, maxBytes: 4 * 1024, requires: "team:set-weights" }, async ({ user, body }) =>
  json({ weights: await updateTeamWeights(user, body) } satisfies TSetWeightsResponse),
);

export const { POST, PATCH, DELETE, OPTIONS } = otherMethods("GET", "PUT");
