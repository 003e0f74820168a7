import { z } from "zod";
import { sameType } from "@/lib/api-client/same-type";
import { Role } from "@/lib/generated/prisma/enums";
import type { addTeamUser } from "@/lib/users/add-team-user";
import { ZNewUser } from "@/lib/users/schemas";
import type { updateUserRole } from "@/lib/users/update-role";

/** A teammate as adding one or changing a role answers it. */
export const ZTeamUserResponse = z.strictObject({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(Role) });
export type TTeamUserResponse = z.infer<typeof ZTeamUserResponse>;
sameType<TTeamUserResponse, Awaited<ReturnType<typeof addTeamUser>>>();
sameType<TTeamUserResponse, Awaited<ReturnType<typeof updateUserRole>>>();

/** POST /api/team/users (admins): 201. */
export const ZAddTeamUserRequest = ZNewUser;
export type TAddTeamUserRequest = z.input<typeof ZAddTeamUserRequest>;
export const ZAddTeamUserResponse = ZTeamUserResponse;
