import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TAnnotationPurger, TStoredAnnotation } from "@/lib/db/store";
import { lifecycleSnapshot } from "./serialize";

export const PURGE_AUDIT_ACTION = "annotation.purge";

/**
 * A deleted annotation still holds its key (article, author, span, tag) in the unique constraint. When its author
 * saves the same span and tag again, the new annotation takes the key and the deleted one, with its reviews, goes for
 * good; its audit event keeps what was lost and which annotation replaced it, and a later restore of it answers 409
 * ANNOTATION_REPLACED instead of 404.
 */
export async function purgeDeletedAnnotation(
  writer: TAnnotationPurger,
  actor: { id: string; teamId: string },
  deleted: TStoredAnnotation,
  replacedBy: string,
): Promise<void> {
  const reviews = await writer.purgeAnnotation(deleted.id);
  await recordAuditEvent(writer, {
    teamId: actor.teamId,
    actorId: actor.id,
    action: PURGE_AUDIT_ACTION,
    entityType: "Annotation",
    entityId: deleted.id,
    before: { ...lifecycleSnapshot(deleted, reviews), deletedAt: deleted.deletedAt?.toISOString() ?? null },
    after: { replacedBy },
  });
}
