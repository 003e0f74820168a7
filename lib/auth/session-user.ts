import { NextRequest } from "next/server";
import { store } from "@/lib/db/store";
import { readSessionToken } from "./session-token";
import type { TRole } from "./roles";

export type TSessionUser = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  teamId: string;
  teamName: string;
};

export type TSessionClaims = { uid?: string; sv?: number; sid?: string };

/**
 * The user behind a request's session cookie, re-read from the database on every call so that a role
 * change or a revoked session (bumped sessionVersion) takes effect on the next request.
 */
export async function userFromRequest(req: Request): Promise<TSessionUser | null> {
  // next-auth reads cookies through NextRequest's cookie API. Route handlers get a NextRequest, though not always
  // of the class this module imports (the bundle may hold another copy), so it is recognised by that API; only a
  // plain Request (tests, scripts) is wrapped.
  const hasCookieApi = typeof (req as { cookies?: { getAll?: unknown } }).cookies?.getAll === "function";
  const nextReq = hasCookieApi ? req : new NextRequest(req.url, { headers: req.headers });
  const token = (await readSessionToken(nextReq as unknown as Parameters<typeof readSessionToken>[0])) as TSessionClaims | null;
  return userFromClaims(token);
}

/**
 * The user a token's claims stand for, or null when the session is over: its Session row is missing, revoked or
 * expired (sign-out, password change, 12 hours after login whatever the token's own expiry), or it was issued
 * before the user's sessionVersion was bumped.
 */
export async function userFromClaims(token: TSessionClaims | null, now = Date.now()): Promise<TSessionUser | null> {
  if (!token?.uid || !token.sid) return null;
  // One prepared statement on every request: this runs before every API call and page.
  const user = await (await store()).sessionUser(token.uid, token.sid);
  if (!user || user.sessionVersion !== (token.sv ?? 0)) return null;
  if (user.sessionExpiresAt === null || user.sessionRevokedAt !== null) return null;
  if (!(new Date(user.sessionExpiresAt).getTime() > now)) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    teamId: user.teamId,
    teamName: user.teamName,
  };
}
