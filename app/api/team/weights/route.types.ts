import { z } from "zod";
import { TAGS } from "@/lib/annotations/tags";
import { sameType } from "@/lib/api-client/same-type";
import { ZTeamWeights } from "@/lib/scoring/schemas";
import type { updateTeamWeights } from "@/lib/scoring/update-team-weights";

/** PUT /api/team/weights (admins): every score of the team is recomputed with the new weights. */
export const ZSetWeightsRequest = ZTeamWeights;
export type TSetWeightsRequest = z.input<typeof ZSetWeightsRequest>;
export const ZSetWeightsResponse = z.strictObject({ weights: z.record(z.enum(TAGS), z.number()) });
export type TSetWeightsResponse = z.infer<typeof ZSetWeightsResponse>;
sameType<TSetWeightsResponse["weights"], Awaited<ReturnType<typeof updateTeamWeights>>>();
