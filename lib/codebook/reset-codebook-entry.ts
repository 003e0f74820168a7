import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { codebookTag } from "./codebook-tag";
import { defaultEntry, readTeamCodebook, type TTeamCodebookEntry } from "./find-codebook";
import { entryWhere } from "./stored-entry";

/** Puts one tag back to the built-in wording (admins) by removing the team's entry; a tag already at it changes nothing. */
export async function resetCodebookEntry(user: TSessionUser, tagName: string): Promise<TTeamCodebookEntry> {
  assertCan(user, "codebook:edit");
  const tag = codebookTag(tagName);
  return db.$transaction(async (tx) => {
    const before = (await readTeamCodebook(tx, user.teamId))[tag];
    const { count } = await tx.codebookEntry.deleteMany({ where: entryWhere(user.teamId, tag) });
    const reset = defaultEntry(tag);
    if (count > 0) {
      await recordAuditEvent(tx, {
        teamId: user.teamId,
        actorId: user.id,
        action: "codebook.reset",
        entityType: "CodebookEntry",
        entityId: tag,
        before: { ...before.entry, isDefault: before.isDefault },
        after: reset.entry,
      });
    }
    return reset;
  });
}
