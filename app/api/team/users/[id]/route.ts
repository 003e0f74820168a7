import { z } from "zod";
import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { ZRoleChange } from "@/lib/users/schemas";
import { updateUserRole } from "@/lib/users/update-role";

export const PATCH = apiRoute(
  { params: z.object({ id: z.string() }), body: ZRoleChange, maxBytes: 4 * 1024, requires: "team:change-role" },
  async ({ user, params, body }) => json(await updateUserRole(user, params.id, body.role)),
);

export const { GET, HEAD, POST, PUT, DELETE, OPTIONS } = otherMethods("PATCH");
