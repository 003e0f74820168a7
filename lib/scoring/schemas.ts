import { z } from "zod";

// The weights request schema, apart from update-team-weights.ts so the browser's API client can share it.
const ZWeight = z.number({ error: "must be a number" }).finite().min(-10, "must be between -10 and 10").max(10, "must be between -10 and 10");
export const ZTeamWeights = z.object({
  "official-statement": ZWeight,
  "anonymous-source": ZWeight,
  opinion: ZWeight,
});
export type TTeamWeights = z.infer<typeof ZTeamWeights>;
