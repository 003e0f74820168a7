import { apiRoute, json } from "@/lib/api/handler";

export const GET = apiRoute(async ({ user }) =>
  json({ id: user.id, email: user.email, name: user.name, role: user.role, team: { id: user.teamId, name: user.teamName } }),
);
