import { apiRoute, json } from "@/lib/api/handler";
import { readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { changePassword } from "@/lib/users/change-password";
import { ZPasswordChange } from "@/lib/users/schemas";
import type { TChangePasswordResponse } from "./route.types";

const MAX_BYTES = 4096;

export const POST = apiRoute(async ({ req, user }) => {
  await changePassword(user, await readJson(req, ZPasswordChange, MAX_BYTES));
  return json({ ok: true, loggedOut: true } satisfies TChangePasswordResponse);
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
