import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { refreshArticleScore } from "./refresh-article-score";
import type { TTeamWeights } from "./schemas";
import { teamWeights } from "./team-weights";

export async function findTeamWeights(user: TSessionUser) {
  const team = await db.team.findUniqueOrThrow({ where: { id: user.teamId } });
  return teamWeights(team);
}

/** For admins (the route requires team:set-weights). Every article score of the team is recomputed in the same transaction. */
export async function updateTeamWeights(user: TSessionUser, weights: TTeamWeights) {
  return db.$transaction(
    async (tx) => {
      // Every article of the team is locked before the weights change, so a create in flight either commits first
      // (and is recomputed below) or waits and then reads the new weights.
      const all = await tx.article.findMany({ where: { teamId: user.teamId }, select: { id: true } });
      await lockRows(tx, "Article", all.map((a) => a.id));
      const before = teamWeights(await tx.team.findUniqueOrThrow({ where: { id: user.teamId } }));
      await tx.team.update({
        where: { id: user.teamId },
        data: {
          weightOfficialStatement: weights["official-statement"],
          weightAnonymousSource: weights["anonymous-source"],
          weightOpinion: weights.opinion,
        },
      });
      const articles = await tx.article.findMany({ where: { teamId: user.teamId, annotationCount: { gt: 0 } }, select: { id: true }, orderBy: { id: "asc" } });
      for (const a of articles) await refreshArticleScore(tx, a.id);
      await recordAuditEvent(tx, {
        teamId: user.teamId,
        actorId: user.id,
        action: "team.weights",
        entityType: "Team",
        entityId: user.teamId,
        before,
        after: weights,
      });
      return weights;
    },
    { timeout: 60_000 },
  );
}
