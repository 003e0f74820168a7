import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { ACCOUNT_POLICY } from "@/lib/auth/login-throttle";
import { dbThrottleStore } from "@/lib/auth/login-throttle-store";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TPasswordChange } from "./schemas";

/**
 * Changes the user's own password and ends every session they have, this one included: whoever else held one is out,
 * and the user logs in again with the new password. The current password is asked for, and its guesses are throttled
 * like logins, so a borrowed session cannot be turned into the password.
 */
export async function changePassword(user: TSessionUser, input: TPasswordChange): Promise<void> {
  const key = { key: `reauth:${user.id}`, policy: ACCOUNT_POLICY };
  const gate = await dbThrottleStore.charge([key], new Date());
  if (!gate.allowed) throw new AppError("RATE_LIMITED", "Too many wrong passwords. Try again later.");
  const row = await db.user.findUnique({ where: { id: user.id } });
  if (!row || !(await verifyPassword(input.currentPassword, row.passwordHash))) {
    throw new AppError("WRONG_PASSWORD", "That is not your current password.", "currentPassword");
  }
  await dbThrottleStore.settle([key.key], [], new Date());
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAuditEvent(tx, { teamId: user.teamId, actorId: user.id, action: "user.password", entityType: "User", entityId: user.id });
  });
}
