import { decode, encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, sessionEncryptionKey } from "./session-token";

const secret = "a-test-secret-that-is-long-enough-for-hkdf";
const claims = { sub: "u1", uid: "u1", sv: 3, email: "ana@example.org", name: "Ana" };

describe("decodeSessionToken", () => {
  it("reads a token written by next-auth's encode exactly as next-auth's decode does", async () => {
    const token = await encode({ token: claims, secret });
    const ours = await decodeSessionToken({ token, secret });
    expect(ours).toEqual(await decode({ token, secret }));
    expect(ours).toMatchObject(claims);
  });

  it("honours the salt, as next-auth does for its other tokens", async () => {
    const token = await encode({ token: claims, secret, salt: "authjs.other" });
    expect(await decodeSessionToken({ token, secret, salt: "authjs.other" })).toEqual(await decode({ token, secret, salt: "authjs.other" }));
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });

  it("accepts a Buffer secret and keys it apart from the same text", async () => {
    const bufferSecret = Buffer.from(secret);
    const token = await encode({ token: claims, secret: bufferSecret });
    expect(await decodeSessionToken({ token, secret: bufferSecret })).toMatchObject(claims);
    expect(sessionEncryptionKey(bufferSecret)).toEqual(sessionEncryptionKey(secret));
  });

  it("refuses what next-auth refuses: another secret, a changed token, an expired one", async () => {
    const token = await encode({ token: claims, secret });
    await expect(decodeSessionToken({ token, secret: `${secret}-rotated` })).rejects.toThrow();
    const tampered = token.slice(0, -6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    await expect(decodeSessionToken({ token: tampered, secret })).rejects.toThrow();
    await expect(decode({ token: tampered, secret })).rejects.toThrow();
    // Past the 15 s clock tolerance both reject it.
    const expired = await encode({ token: claims, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow(/exp/);
    await expect(decode({ token: expired, secret })).rejects.toThrow(/exp/);
  });

  it("returns null without a token", async () => {
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
    expect(await decodeSessionToken({ token: "", secret })).toBeNull();
  });

  it("derives each key once and keeps at most a handful", () => {
    expect(sessionEncryptionKey(secret)).toBe(sessionEncryptionKey(secret));
    const first = sessionEncryptionKey("secret-0");
    for (let i = 1; i <= 8; i++) sessionEncryptionKey(`secret-${i}`);
    expect(sessionEncryptionKey("secret-0")).not.toBe(first);
    expect(sessionEncryptionKey("secret-0")).toEqual(first);
  });
});
