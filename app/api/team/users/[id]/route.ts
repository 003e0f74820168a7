import { apiRoute, json } from "@/lib/api/handler";
import { readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { updateUserRole, ZRoleChange } from "@/lib/users/update-role";

export const PATCH = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const { role } = await readJson(req, ZRoleChange, 4 * 1024);
  return json(await updateUserRole(user, params.id, role));
});

export const { GET, HEAD, POST, PUT, DELETE, OPTIONS } = otherMethods("PATCH");
