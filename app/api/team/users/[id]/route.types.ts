import type { z } from "zod";
import { ZTeamUserResponse } from "@/app/api/team/users/route.types";
import { ZRoleChange } from "@/lib/users/schemas";

/** PATCH /api/team/users/:id (admins): the user's new role. */
export const ZChangeRoleRequest = ZRoleChange;
export type TChangeRoleRequest = z.input<typeof ZChangeRoleRequest>;
export const ZChangeRoleResponse = ZTeamUserResponse;
