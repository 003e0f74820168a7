import cuid from "@bugsnag/cuid";
import type { Tx } from "@/lib/db/client";
import { prismaWriter } from "@/lib/db/prisma-writer";
import type { TAuditWriter } from "@/lib/db/store";

export type TAuditInput = {
  teamId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/**
 * Written inside the same transaction as the change it records, so neither exists without the other: by the writer
 * of that transaction, a Prisma one (`tx`) or the annotation store's.
 */
export async function recordAuditEvent(writer: Tx | TAuditWriter, event: TAuditInput): Promise<void> {
  const audit = "insertAuditEvent" in writer ? writer : prismaWriter(writer);
  await audit.insertAuditEvent({
    id: cuid(),
    teamId: event.teamId,
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before === undefined ? null : JSON.stringify(event.before),
    after: event.after === undefined ? null : JSON.stringify(event.after),
  });
}
