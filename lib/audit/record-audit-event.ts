import type { Tx } from "@/lib/db/client";

export type TAuditInput = {
  teamId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Written inside the same transaction as the change it records, so neither exists without the other. */
export async function recordAuditEvent(tx: Tx, event: TAuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      teamId: event.teamId,
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    },
  });
}
