import { notFound } from "@/lib/errors";
import { withApiTag } from "@/lib/annotations/tags";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { articleAgreement } from "@/lib/agreement/article-agreement";
import { articleScore } from "./score";
import { teamWeights } from "./team-weights";

/** The article's score with everything needed to recompute it by hand (metrics.md). */
export async function findArticleScore(user: TSessionUser, articleId: string) {
  const article = await db.article.findFirst({
    where: { id: articleId, teamId: user.teamId },
    select: { body: true, team: true },
  });
  if (!article) throw notFound("Article");
  const annotations = (
    await db.annotation.findMany({
      where: { articleId, deletedAt: null },
      select: { id: true, authorId: true, start: true, end: true, tag: true, status: true },
    })
  ).map(withApiTag);
  const weights = teamWeights(article.team);
  const result = articleScore({
    annotations: annotations,
    weights,
  });
  const agreement = articleAgreement(article.body, annotations);
  return {
    score: result.score,
    weights,
    counts: result.counts,
    spans: result.spans.map((s) => ({ start: s.start, end: s.end, tag: s.tag, annotationIds: s.annotationIds })),
    annotators: agreement.annotators,
    alpha: agreement.alpha,
    S: result.S,
    T: result.T,
  };
}
export type TArticleScoreBreakdown = Awaited<ReturnType<typeof findArticleScore>>;
