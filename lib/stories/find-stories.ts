import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { STORY_COUNT, storySummary, type TStorySummary } from "./serialize";

/** The team's stories by title, each with how many articles it holds. */
export async function findStories(user: TSessionUser): Promise<TStorySummary[]> {
  const stories = await db.story.findMany({ where: { teamId: user.teamId }, orderBy: [{ title: "asc" }, { id: "asc" }], include: STORY_COUNT });
  return stories.map(storySummary);
}
