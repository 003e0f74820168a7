import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { addTeamUser } from "@/lib/users/add-team-user";
import { findTeammates } from "@/lib/users/find-teammates";
import { ZNewUser } from "@/lib/users/schemas";

export const GET = apiRoute({ requires: "team:list-users" }, async ({ user }) => {
  const users = await findTeammates(user);
  return json({ users: users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString() })) });
});

export const POST = apiRoute({ body: ZNewUser, maxBytes: 16 * 1024, requires: "team:add-user" }, async ({ user, body }) =>
  json(await addTeamUser(user, body), 201),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
