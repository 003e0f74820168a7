// Callback URLs next-auth could not parse answered 500; ones on other sites were followed. Neither any more.
import { beforeAll, describe, expect, it } from "vitest";
import { authCall, CookieJar, credentialsLogin, DEMO_PASSWORD, ORIGIN, seedFixtures } from "./helpers";

const EVIL = "http://localhost:3000.evil.example/";

beforeAll(async () => {
  await seedFixtures();
});

async function expectNo500(res: Response) {
  expect(res.status, await res.clone().text()).toBeLessThan(500);
  const location = res.headers.get("location");
  if (location) expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
}

describe("next-auth's callback URLs", () => {
  it("a login posting an unparsable callbackUrl is not a 500 and is sent back to this site", async () => {
    const jar = new CookieJar();
    await authCall("GET", "/api/auth/csrf", { jar });
    const csrfToken = decodeURIComponent(jar.cookies.get("next-auth.csrf-token")!).split("|")[0]!;
    const res = await authCall("POST", "/api/auth/callback/credentials", {
      jar,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "ana@example.com", password: DEMO_PASSWORD, csrfToken, callbackUrl: EVIL, json: "true" }).toString(),
    });
    expect(res.status).toBe(200);
    expect(new URL(((await res.json()) as { url: string }).url).origin).toBe(ORIGIN);
    expect(decodeURIComponent(jar.cookies.get("next-auth.callback-url") ?? "")).not.toContain("evil");
  });

  it.each([
    ["the sign-in page", `/api/auth/signin?callbackUrl=${encodeURIComponent(EVIL)}`],
    ["the sign-in page, another site", `/api/auth/signin?callbackUrl=${encodeURIComponent("https://evil.example/")}`],
    ["the session", `/api/auth/session?callbackUrl=${encodeURIComponent(EVIL)}`],
    ["the credentials callback by GET", "/api/auth/callback/credentials"],
    ["an unknown action", "/api/auth/nothing-here"],
  ])("%s answers without a 500 or a redirect off-site", async (_name, path) => {
    await expectNo500(await authCall("GET", path));
  });

  it("an unparsable callback-url cookie is not a 500", async () => {
    const jar = new CookieJar();
    jar.cookies.set("next-auth.callback-url", encodeURIComponent(EVIL));
    await expectNo500(await authCall("GET", "/api/auth/csrf", { jar }));
    await expectNo500(await authCall("GET", "/api/auth/signin", { jar }));
    const login = await credentialsLogin("ben@example.com", DEMO_PASSWORD, jar);
    expect(login.status).toBe(200);
    expect(new URL(login.json!.url!).origin).toBe(ORIGIN);
  });
});
