import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";

/** The user's team by name and email, which any member may read: whom a reply can mention. */
export async function findTeamMembers(user: TSessionUser): Promise<{ id: string; name: string; email: string }[]> {
  return db.user.findMany({
    where: { teamId: user.teamId },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
