import { z } from "zod";
import { sameType } from "@/lib/api-client/same-type";
import type { findTeamMembers } from "@/lib/users/find-team-members";

/** GET /api/team/members: every member of the caller's team (any role may ask), for @mentions. */
export const ZTeamMembersResponse = z.strictObject({
  members: z.array(z.strictObject({ id: z.string(), name: z.string(), email: z.string() })),
});
export type TTeamMembersResponse = z.infer<typeof ZTeamMembersResponse>;
sameType<TTeamMembersResponse["members"], Awaited<ReturnType<typeof findTeamMembers>>>();
