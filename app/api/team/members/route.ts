import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { findTeamMembers } from "@/lib/users/find-team-members";

export const GET = apiRoute(async ({ user }) => json({ members: await findTeamMembers(user) }));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
