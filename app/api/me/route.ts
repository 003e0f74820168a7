import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";

export const GET = apiRoute(async ({ user }) =>
  json({ id: user.id, email: user.email, name: user.name, role: user.role, team: { id: user.teamId, name: user.teamName } }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
