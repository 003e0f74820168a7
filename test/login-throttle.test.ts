// The login throttle through next-auth's real route on a real database: the attacks that got past the old one.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { authCall, CookieJar, credentialsLogin, DEMO_PASSWORD, seedFixtures } from "./helpers";

beforeAll(async () => {
  await seedFixtures();
});

beforeEach(async () => {
  await getDb().loginThrottle.deleteMany();
});

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

const WRONG = "not-the-password";

async function csrfJar(): Promise<CookieJar> {
  const jar = new CookieJar();
  await authCall("GET", "/api/auth/csrf", { jar });
  return jar;
}

async function lockOut(email: string) {
  for (let i = 0; i < 5; i++) expect((await credentialsLogin(email, WRONG)).status).toBe(401);
  expect((await credentialsLogin(email, DEMO_PASSWORD)).status).toBe(429);
}

describe("the login throttle", () => {
  it("lets at most five of 30 parallel wrong guesses reach the password check", async () => {
    const jar = await csrfJar();
    const results = await Promise.all(Array.from({ length: 30 }, () => credentialsLogin("ana@example.com", WRONG, jar)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBe(5);
    expect(statuses.filter((s) => s === 429).length).toBe(25);
    const limited = results.find((r) => r.status === 429)!;
    expect(Number(limited.res.headers.get("retry-after"))).toBeGreaterThan(0);
    // The shape next-auth/react's signIn reads, so the form shows "Too many attempts".
    expect(new URL(limited.json!.url!).searchParams.get("error")).toBe("RATE_LIMITED");
  });

  it("refuses a JSON body (415) instead of logging in with it, even with the right password", async () => {
    await lockOut("ana@example.com");
    const jar = await csrfJar();
    const csrfToken = decodeURIComponent(jar.cookies.get("next-auth.csrf-token")!).split("|")[0];
    const res = await authCall("POST", "/api/auth/callback/credentials", {
      jar,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "ana@example.com", password: DEMO_PASSWORD, csrfToken, json: "true" }),
    });
    expect(res.status).toBe(415);
    expect(jar.sessionToken).toBeUndefined();
  });

  it("refuses a duplicated email field, so the throttle and next-auth can never read different ones", async () => {
    await lockOut("ben@example.com");
    const jar = await csrfJar();
    const csrfToken = decodeURIComponent(jar.cookies.get("next-auth.csrf-token")!).split("|")[0]!;
    const body = `email=decoy%40example.com&password=${DEMO_PASSWORD}&csrfToken=${csrfToken}&json=true&email=ben%40example.com`;
    const res = await authCall("POST", "/api/auth/callback/credentials", {
      jar,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("DUPLICATE_FIELD");
    expect(jar.sessionToken).toBeUndefined();
  });

  it("behind a proxy, the attacker's own logins do not wipe the failures counted against their address", async () => {
    process.env.TRUST_PROXY = "1";
    const attacker = { "x-forwarded-for": "203.0.113.9" };
    // Spraying one guess at each of many accounts never trips an account's counter; only the address's can stop it.
    for (let i = 0; i < 50; i++) {
      if (i % 5 === 0) expect((await credentialsLogin("cara@example.com", DEMO_PASSWORD, undefined, attacker)).status).toBe(200);
      expect((await credentialsLogin(`victim-${i}@example.com`, WRONG, undefined, attacker)).status).toBe(401);
    }
    expect((await credentialsLogin("victim-50@example.com", WRONG, undefined, attacker)).status).toBe(429);
    // Another address is not affected.
    expect((await credentialsLogin("victim-99@example.com", WRONG, undefined, { "x-forwarded-for": "198.51.100.7" })).status).toBe(401);
    // A forged first X-Forwarded-For entry does not make a new address: the proxy's own entry is the last.
    expect((await credentialsLogin("victim-98@example.com", WRONG, undefined, { "x-forwarded-for": "10.1.2.3, 203.0.113.9" })).status).toBe(429);
  }, 60_000);

  it("a success for another account does not reset the victim's counter", async () => {
    for (let i = 0; i < 4; i++) expect((await credentialsLogin("ben@example.com", WRONG)).status).toBe(401);
    expect((await credentialsLogin("cara@example.com", DEMO_PASSWORD)).status).toBe(200);
    expect((await credentialsLogin("ben@example.com", WRONG)).status).toBe(401);
    expect((await credentialsLogin("ben@example.com", WRONG)).status).toBe(429);
  });

  it("without TRUST_PROXY, five wrong passwords for ana do not stop ben logging in", async () => {
    await lockOut("ana@example.com");
    expect((await credentialsLogin("ben@example.com", DEMO_PASSWORD)).status).toBe(200);
    // Every client is the same "address" here, so there is no per-address counter for anyone to fill.
    expect(await getDb().loginThrottle.count({ where: { key: { startsWith: "address:" } } })).toBe(0);
  });

  it("a locked account still logs in from a browser that logged in to it before, and only to that account", async () => {
    const owner = await csrfJar();
    expect((await credentialsLogin("ana@example.com", DEMO_PASSWORD, owner)).status).toBe(200);
    expect(owner.cookies.get("sourcing.known-device")).toBeTruthy();
    owner.cookies.delete("next-auth.session-token");

    await lockOut("ana@example.com");
    expect((await credentialsLogin("ana@example.com", DEMO_PASSWORD, owner)).status).toBe(200);

    // The attacker's own known-device cookie (for cara) counts for nothing on ana's account.
    const attacker = await csrfJar();
    expect((await credentialsLogin("cara@example.com", DEMO_PASSWORD, attacker)).status).toBe(200);
    expect((await credentialsLogin("ana@example.com", DEMO_PASSWORD, attacker)).status).toBe(429);
  });
});
