import type { Team } from "@/lib/generated/prisma/client";
import type { TWeights } from "./weights";

export function teamWeights(team: Pick<Team, "weightOfficialStatement" | "weightAnonymousSource" | "weightOpinion">): TWeights {
  return {
    "official-statement": team.weightOfficialStatement,
    "anonymous-source": team.weightAnonymousSource,
    opinion: team.weightOpinion,
  };
}
