import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";

/** The people of the user's team (no password hashes), for filters and the team page. */
export async function findTeammates(user: TSessionUser) {
  return db.user.findMany({
    where: { teamId: user.teamId },
    select: { id: true, name: true, email: true, role: true, createdAt: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}
