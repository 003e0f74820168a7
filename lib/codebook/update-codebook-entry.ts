import { ZCodebookEntry } from "@/lib/annotations/codebook";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { codebookTag } from "./codebook-tag";
import { readTeamCodebook, type TTeamCodebookEntry } from "./find-codebook";
import { entryColumns, entryKey, entryWhere } from "./stored-entry";

/**
 * Replaces the team's wording for one tag (admins). The entry is checked here as well as at the route, so nothing
 * that fails the schema is ever stored; the audit event keeps the wording before and after.
 */
export async function updateCodebookEntry(user: TSessionUser, tagName: string, input: unknown): Promise<TTeamCodebookEntry> {
  assertCan(user, "codebook:edit");
  const tag = codebookTag(tagName);
  const entry = ZCodebookEntry.parse(input);
  return db.$transaction(async (tx) => {
    const before = (await readTeamCodebook(tx, user.teamId))[tag];
    const columns = { ...entryColumns(entry), updatedById: user.id };
    const row = await tx.codebookEntry.upsert({
      where: entryKey(user.teamId, tag),
      create: { ...entryWhere(user.teamId, tag), ...columns },
      update: columns,
      include: { updatedBy: { select: { id: true, name: true } } },
    });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "codebook.update",
      entityType: "CodebookEntry",
      entityId: tag,
      before: { ...before.entry, isDefault: before.isDefault },
      after: entry,
    });
    return { tag, entry, isDefault: false, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
  });
}
