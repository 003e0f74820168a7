import { notFound } from "@/lib/errors";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { teamWeights } from "./team-weights";

/** The outlets that covered one story, side by side: score and sourcing mix from consensus spans. */
export async function findStoryComparison(user: TSessionUser, storyId: string) {
  const story = await db.story.findFirst({
    where: { id: storyId, teamId: user.teamId },
    include: {
      team: true,
      articles: {
        orderBy: [{ outlet: "asc" }, { publishedAt: "asc" }],
        select: {
          id: true,
          title: true,
          outlet: true,
          publishedAt: true,
          score: true,
          annotationCount: true,
          consensusOfficial: true,
          consensusAnonymous: true,
          consensusOpinion: true,
        },
      },
    },
  });
  if (!story) throw notFound("Story");
  const scored = story.articles.filter((a) => a.score !== null);
  return {
    id: story.id,
    title: story.title,
    weights: teamWeights(story.team),
    mean: scored.length ? scored.reduce((s, a) => s + a.score!, 0) / scored.length : null,
    scoredArticles: scored.length,
    articles: story.articles.map((a) => ({
      id: a.id,
      title: a.title,
      outlet: a.outlet ?? "Unknown outlet",
      publishedAt: a.publishedAt,
      score: a.score,
      annotationCount: a.annotationCount,
      counts: {
        "anonymous-source": a.consensusAnonymous,
        "official-statement": a.consensusOfficial,
        opinion: a.consensusOpinion,
      },
    })),
  };
}
export type TStoryComparison = Awaited<ReturnType<typeof findStoryComparison>>;
