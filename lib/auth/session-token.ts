import { hkdfSync } from "node:crypto";
import { jwtDecrypt } from "jose";
import { getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { env } from "@/lib/env";

// next-auth's own decode derives the token's encryption key from the secret with HKDF on every call, on libuv's
// thread pool: much of every request's session check (bench/NOTES.md). The key depends only on the secret
// and the salt, so it is derived once per pair; the token is then checked exactly as next-auth does (the same
// key, `dir` + A256GCM through jose, 15 s of clock tolerance), and tokens next-auth's default encode wrote decode
// here unchanged (session-token.test.ts).

const INFO = "NextAuth.js Generated Encryption Key";
const MAX_KEYS = 8;
const keys = new Map<string, Uint8Array>();

/** What next-auth's getDerivedEncryptionKey(secret, salt) returns, computed once per (secret, salt). */
export function sessionEncryptionKey(secret: string | Buffer, salt = ""): Uint8Array {
  const id = `${salt}\u0000${typeof secret === "string" ? `s:${secret}` : `b:${secret.toString("base64")}`}`;
  let key = keys.get(id);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, salt, salt ? `${INFO} (${salt})` : INFO, 32));
    // A process normally sees one secret; tests see a few. Never let the cache grow without bound.
    if (keys.size >= MAX_KEYS) keys.clear();
    keys.set(id, key);
  }
  return key;
}

/** Drop-in for next-auth's `jwt.decode` (and getToken's `decode`). */
export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, sessionEncryptionKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}

/** The request's session token claims, or null: next-auth's getToken with the decode above (API, proxy). */
export function readSessionToken(req: Parameters<typeof getToken>[0]["req"]): Promise<JWT | null> {
  return getToken({ req, secret: env("NEXTAUTH_SECRET"), decode: decodeSessionToken });
}
