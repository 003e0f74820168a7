import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { createUserInTeam } from "./create-user";
import type { TNewUser } from "./schemas";

/** Adds a user to the admin's own team (the route requires team:add-user). */
export async function addTeamUser(user: TSessionUser, input: TNewUser) {
  const created = await createUserInTeam(db, user.teamId, input, user.id);
  return { id: created.id, email: created.email, name: created.name, role: created.role };
}
