import { z } from "zod";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";

export const ZAuditQuery = z.object({
  cursor: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** For admins (the route and the page require audit:read): the team's audit log, newest first, cursor-paginated. */
export async function findAuditEvents(user: TSessionUser, query: z.infer<typeof ZAuditQuery>) {
  // Prisma positions a cursor by the row's sort key whatever the filter, so another team's event id would page
  // this team's log from that event's time. A cursor that is not one of the team's events starts from the top,
  // exactly as an id that does not exist (as the review queue does; the admin page passes its cursor straight in).
  const cursor = query.cursor
    ? await db.auditEvent.findFirst({ where: { id: query.cursor, teamId: user.teamId }, select: { id: true } })
    : null;
  const rows = await db.auditEvent.findMany({
    where: { teamId: user.teamId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    ...(cursor ? { cursor, skip: 1 } : {}),
    include: { actor: { select: { id: true, name: true, email: true } } },
  });
  const page = rows.slice(0, query.limit);
  return {
    events: page.map((e) => ({
      id: e.id,
      action: e.action,
      entityType: e.entityType,
      entityId: e.entityId,
      actor: e.actor,
      before: e.before ? (JSON.parse(e.before) as unknown) : null,
      after: e.after ? (JSON.parse(e.after) as unknown) : null,
      createdAt: e.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}
