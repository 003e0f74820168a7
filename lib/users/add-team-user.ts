import { forbidden } from "@/lib/api/errors";
import { isAdmin } from "@/lib/auth/roles";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { createUserInTeam, type TNewUser } from "./create-user";

/** Admin only: adds a user to the admin's own team. */
export async function addTeamUser(user: TSessionUser, input: TNewUser) {
  if (!isAdmin(user.role)) throw forbidden("Only admins can add users.");
  const created = await createUserInTeam(db, user.teamId, input, user.id);
  return { id: created.id, email: created.email, name: created.name, role: created.role };
}
