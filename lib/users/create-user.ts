import { hashPassword } from "@/lib/auth/password";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { TNewUser } from "./schemas";

// Emails are login names across every team, so an address already registered must be refused; the answer is the
// same wherever the address is (this team, another, or a concurrent create) and names nothing about its owner.
const emailTaken = () => new AppError("EMAIL_TAKEN", "A user with that email already exists.", "email");

/** Creates a user in a team (used by the admin page and `npm run user:create`). */
export async function createUserInTeam(db: Db, teamId: string, input: TNewUser, actorId: string | null) {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
    const user = await tx.user
      .create({ data: { email: input.email, name: input.name, role: input.role, passwordHash, teamId } })
      .catch((error: unknown) => {
        throw (error as { code?: unknown })?.code === "P2002" ? emailTaken() : error;
      });
    await recordAuditEvent(tx, {
      teamId,
      actorId,
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: { email: user.email, name: user.name, role: user.role },
    });
    return user;
  });
}
