import { forbidden } from "@/lib/api/errors";
import { apiRoute, json } from "@/lib/api/handler";
import { readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { isAdmin } from "@/lib/auth/roles";
import { addTeamUser } from "@/lib/users/add-team-user";
import { ZNewUser } from "@/lib/users/create-user";
import { findTeammates } from "@/lib/users/find-teammates";

export const GET = apiRoute(async ({ user }) => {
  if (!isAdmin(user.role)) throw forbidden("Only admins can list the team's accounts.");
  const users = await findTeammates(user);
  return json({ users: users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() })) });
});

export const POST = apiRoute(async ({ req, user }) => {
  const input = await readJson(req, ZNewUser, 16 * 1024);
  return json(await addTeamUser(user, input), 201);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
