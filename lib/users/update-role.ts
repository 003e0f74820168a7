import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { ROLES } from "@/lib/auth/roles";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";

/** For admins (the route requires team:change-role). Takes effect on the user's next request: roles are re-read from the database each time. */
export async function updateUserRole(user: TSessionUser, userId: string, role: (typeof ROLES)[number]) {
  return db.$transaction(async (tx) => {
    const target = await tx.user.findFirst({ where: { id: userId, teamId: user.teamId } });
    if (!target) throw notFound("User");
    if (target.role === "admin" && role !== "admin") {
      const admins = await tx.user.count({ where: { teamId: user.teamId, role: "admin" } });
      if (admins <= 1) throw new AppError("LAST_ADMIN", "A team needs at least one admin.", "role");
    }
    const updated = await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "user.role",
      entityType: "User",
      entityId: userId,
      before: { role: target.role },
      after: { role },
    });
    return { id: updated.id, email: updated.email, name: updated.name, role: updated.role };
  });
}
