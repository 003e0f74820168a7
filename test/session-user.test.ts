// The session check every API request runs (lib/auth/session-user.ts with the cached-key decode of
// lib/auth/session-token.ts), against real sessions of seeded users.
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { userFromRequest } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db/client";
import { seedFixtures, sessionCookie } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
const url = "http://localhost:3000/api/me";

beforeAll(async () => {
  fx = await seedFixtures();
});

describe("userFromRequest", () => {
  it("reads the session from a NextRequest as route handlers get it, and from a plain Request", async () => {
    const cookie = await sessionCookie(fx.users.ana);
    const fromNext = await userFromRequest(new NextRequest(url, { headers: { cookie } }));
    const fromPlain = await userFromRequest(new Request(url, { headers: { cookie } }));
    expect(fromNext).toMatchObject({ id: fx.users.ana.id, email: fx.users.ana.email });
    expect(fromPlain).toEqual(fromNext);
  });

  it("refuses a token sealed with another secret, a garbled one, and none", async () => {
    const foreign = await encode({ token: { uid: fx.users.ana.id, sv: 0 }, secret: "some-other-deployment-secret" });
    for (const cookie of [`next-auth.session-token=${foreign}`, "next-auth.session-token=not-a-jwe", ""]) {
      expect(await userFromRequest(new NextRequest(url, { headers: { cookie } })), cookie.slice(0, 40)).toBeNull();
    }
  });

  it("refuses a session issued before the user's sessionVersion was bumped, on the very next request", async () => {
    const cookie = await sessionCookie(fx.users.ben);
    expect(await userFromRequest(new NextRequest(url, { headers: { cookie } }))).not.toBeNull();
    await getDb().user.update({ where: { id: fx.users.ben.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await userFromRequest(new NextRequest(url, { headers: { cookie } }))).toBeNull();
  });
});
