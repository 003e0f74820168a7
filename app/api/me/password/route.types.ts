import { z } from "zod";
import { ZPasswordChange } from "@/lib/users/schemas";

/** POST /api/me/password: every session of the user, this one included, has ended when it answers. */
export const ZChangePasswordRequest = ZPasswordChange;
export type TChangePasswordRequest = z.input<typeof ZChangePasswordRequest>;
export const ZChangePasswordResponse = z.strictObject({ ok: z.literal(true), loggedOut: z.literal(true) });
export type TChangePasswordResponse = z.infer<typeof ZChangePasswordResponse>;
