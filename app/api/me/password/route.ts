import { apiRoute, json } from "@/lib/api/handler";
import { readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { changePassword, ZPasswordChange } from "@/lib/users/change-password";

const MAX_BYTES = 4096;

export const POST = apiRoute(async ({ req, user }) => {
  await changePassword(user, await readJson(req, ZPasswordChange, MAX_BYTES));
  return json({ ok: true, loggedOut: true });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
