import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TCreateStory } from "./schemas";
import { STORY_COUNT, storySummary, type TStorySummary } from "./serialize";

/** A new, empty story of the user's team; titles are unique within a team. */
export async function createStory(user: TSessionUser, input: TCreateStory): Promise<TStorySummary> {
  assertCan(user, "story:edit");
  return db.$transaction(async (tx) => {
    const same = await tx.story.findUnique({ where: { teamId_title: { teamId: user.teamId, title: input.title } } });
    if (same) throw new AppError("CONFLICT", `Your team already has a story called "${input.title}".`, "title");
    const story = await tx.story.create({ data: { teamId: user.teamId, title: input.title }, include: STORY_COUNT });
    await recordAuditEvent(tx, { teamId: user.teamId, actorId: user.id, action: "story.create", entityType: "Story", entityId: story.id, after: { title: story.title } });
    return storySummary(story);
  });
}
