import "server-only";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { authOptions } from "@/lib/auth";
import { can, type TAction } from "@/lib/auth/permissions";
import { userFromClaims, type TSessionUser } from "@/lib/auth/session-user";

/**
 * The logged-in user for a page or server action, re-read from the database; null when logged out. Once per
 * request (React cache): the layout and the page both ask, and each ask decrypts the session cookie.
 */
export const getCurrentUser = cache(async (): Promise<TSessionUser | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string } | undefined;
  if (!user?.id) return null;
  const { sv, sid } = session as { sv?: number; sid?: string };
  return userFromClaims({ uid: user.id, sv: sv ?? 0, sid });
});

export async function requireUser(from = "/articles"): Promise<TSessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?from=${encodeURIComponent(from)}`);
  return user;
}

/** For pages of one permission (the admin pages): anyone else gets a 404, as for any page that is not theirs. */
export async function requirePermission(action: TAction, from: string): Promise<TSessionUser> {
  const user = await requireUser(from);
  if (!can(user, action)) notFound();
  return user;
}
