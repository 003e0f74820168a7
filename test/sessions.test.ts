// Sessions end when they should: 12 hours after login whatever the token says, on sign-out, on a password change.
import { decode, encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as changePassword } from "@/app/api/me/password/route";
import { userFromRequest } from "@/lib/auth/session-user";
import { getDb } from "@/lib/db/client";
import { authCall, call, CookieJar, credentialsLogin, DEMO_PASSWORD, ORIGIN, seedFixtures } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
const secret = () => process.env.NEXTAUTH_SECRET!;
const me = (jar: CookieJar) => userFromRequest(new Request(`${ORIGIN}/api/me`, { headers: { cookie: jar.header() } }));

beforeAll(async () => {
  fx = await seedFixtures();
});

async function loggedIn(email: string, password = DEMO_PASSWORD) {
  const login = await credentialsLogin(email, password);
  expect(login.status).toBe(200);
  expect(await me(login.jar)).toMatchObject({ email });
  return login.jar;
}

describe("sessions", () => {
  it("a login's token expires 12 hours after it was issued, not 30 days", async () => {
    const jar = await loggedIn("ana@example.com");
    const claims = await decode({ token: jar.sessionToken!, secret: secret() });
    expect(Number(claims!.exp) - Number(claims!.iat)).toBe(12 * 60 * 60);
    expect(claims!.sid).toEqual(expect.any(String));
  });

  it("a token that says it is still valid is refused once its session's 12 hours are over", async () => {
    const jar = await loggedIn("ana@example.com");
    const { sid } = (await decode({ token: jar.sessionToken!, secret: secret() })) as { sid: string };
    await getDb().session.update({ where: { id: sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await me(jar)).toBeNull();
    // Nor does a token without a session, or with another user's session, get in.
    const claims = (await decode({ token: jar.sessionToken!, secret: secret() }))!;
    const other = await loggedIn("ben@example.com");
    const { sid: bensSid } = (await decode({ token: other.sessionToken!, secret: secret() })) as { sid: string };
    for (const forged of [{ ...claims, sid: undefined }, { ...claims, sid: bensSid }]) {
      const token = await encode({ token: forged, secret: secret(), maxAge: 30 * 24 * 60 * 60 });
      expect(await userFromRequest(new Request(`${ORIGIN}/api/me`, { headers: { cookie: `next-auth.session-token=${token}` } }))).toBeNull();
    }
  });

  it("sign-out ends the session: the old token is refused afterwards", async () => {
    const jar = await loggedIn("ben@example.com");
    const stolen = jar.header();
    const csrfToken = decodeURIComponent(jar.cookies.get("next-auth.csrf-token")!).split("|")[0]!;
    const out = await authCall("POST", "/api/auth/signout", {
      jar,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${ORIGIN}/login`, json: "true" }).toString(),
    });
    expect(out.status).toBe(200);
    expect(jar.sessionToken).toBeUndefined();
    expect(await userFromRequest(new Request(`${ORIGIN}/api/me`, { headers: { cookie: stolen } }))).toBeNull();
  });

  it("a password change ends every session of the user; the new password logs in", async () => {
    const first = await loggedIn("cara@example.com");
    const second = await loggedIn("cara@example.com");
    const wrong = await call(changePassword, "POST", "/api/me/password", {}, {
      headers: { cookie: first.header() },
      body: { currentPassword: "not-it", newPassword: "a-brand-new-password" },
    });
    expect(wrong.status).toBe(400);
    expect(await me(first)).not.toBeNull();

    const changed = await call(changePassword, "POST", "/api/me/password", {}, {
      headers: { cookie: first.header() },
      body: { currentPassword: DEMO_PASSWORD, newPassword: "a-brand-new-password" },
    });
    expect(changed.status).toBe(200);
    expect(await me(first)).toBeNull();
    expect(await me(second)).toBeNull();
    expect((await credentialsLogin("cara@example.com", DEMO_PASSWORD)).status).toBe(401);
    await loggedIn("cara@example.com", "a-brand-new-password");
    const audit = await getDb().auditEvent.findFirst({ where: { action: "user.password", entityId: fx.users.cara.id } });
    expect(audit).not.toBeNull();
  });

  it("a short new password is refused and changes nothing", async () => {
    const jar = await loggedIn("admin@example.com");
    const res = await call(changePassword, "POST", "/api/me/password", {}, {
      headers: { cookie: jar.header() },
      body: { currentPassword: DEMO_PASSWORD, newPassword: "short" },
    });
    expect(res.status).toBe(400);
    expect(res.json.error.field).toBe("newPassword");
    expect(await me(jar)).not.toBeNull();
  });
});
