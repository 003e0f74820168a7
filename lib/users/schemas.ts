import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";
import { ROLES } from "@/lib/auth/roles";
import { ZText } from "@/lib/text/well-formed";

// The users' request schemas, apart from the functions that use them so the browser's API client can share them.

export const ZNewUser = z.object({
  email: ZText.trim().toLowerCase().email("must be an email address").max(320),
  name: ZText.trim().min(1, "is required").max(200),
  role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }),
  password: ZText.min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});
export type TNewUser = z.infer<typeof ZNewUser>;

export const ZRoleChange = z.object({ role: z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }) });
export type TRoleChange = z.infer<typeof ZRoleChange>;

export const ZPasswordChange = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: ZText.min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(1000),
});
export type TPasswordChange = z.infer<typeof ZPasswordChange>;
