import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";

/** How long a login lasts, whatever the token says: the Session row's expiry is the one that counts. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** A new server-side session for a login; its id goes into the token, so revoking the row ends the token. */
export async function createSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.session.create({ data: { id, userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) } });
  // Rows of ended sessions serve nothing; each login sweeps a few so the table stays the size of the live ones.
  await db.session.deleteMany({ where: { expiresAt: { lt: now } } });
  return id;
}

/** Ends one session (sign-out). Unknown ids are ignored: signing out twice is not an error. */
export async function revokeSession(id: string, now = new Date()): Promise<void> {
  await db.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
}
