import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { TUpdateStory } from "./schemas";
import { STORY_COUNT, storySummary, type TStorySummary } from "./serialize";

/**
 * Renames a story, or merges it into another story of the team: its articles move there and it is removed, so two
 * stories started for the same event become one. Answers the story that remains.
 */
export async function updateStory(user: TSessionUser, id: string, input: TUpdateStory): Promise<TStorySummary> {
  assertCan(user, "story:edit");
  return db.$transaction(async (tx) => {
    const story = await tx.story.findFirst({ where: { id, teamId: user.teamId }, include: STORY_COUNT });
    if (!story) throw notFound("Story");
    const audit = { teamId: user.teamId, actorId: user.id, entityType: "Story", entityId: id };
    if ("title" in input) {
      if (input.title === story.title) return storySummary(story);
      const same = await tx.story.findUnique({ where: { teamId_title: { teamId: user.teamId, title: input.title } } });
      if (same) throw new AppError("CONFLICT", `Your team already has a story called "${input.title}".`, "title");
      const renamed = await tx.story.update({ where: { id }, data: { title: input.title }, include: STORY_COUNT });
      await recordAuditEvent(tx, { ...audit, action: "story.rename", before: { title: story.title }, after: { title: input.title } });
      return storySummary(renamed);
    }
    if (input.mergeInto === id) throw new AppError("INVALID_INPUT", "mergeInto: a story cannot be merged into itself.", "mergeInto");
    const target = await tx.story.findFirst({ where: { id: input.mergeInto, teamId: user.teamId } });
    if (!target) throw new AppError("INVALID_INPUT", "mergeInto: no such story in your team.", "mergeInto");
    const moved = await tx.article.updateMany({ where: { storyId: id, teamId: user.teamId }, data: { storyId: target.id } });
    await tx.story.delete({ where: { id } });
    await recordAuditEvent(tx, { ...audit, action: "story.merge", before: { title: story.title }, after: { mergedInto: target.id, title: target.title, articlesMoved: moved.count } });
    return storySummary(await tx.story.findUniqueOrThrow({ where: { id: target.id }, include: STORY_COUNT }));
  });
}
