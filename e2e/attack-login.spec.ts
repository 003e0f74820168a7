// Attacks on the login against the production server: an endless body, open redirects, sessions that outlive
// sign-out and password change.
import { expect, test } from "@playwright/test";
import { serverRss, streamPost } from "./server-load";
import { login, logout } from "./support";

const MB = 1024 * 1024;

test("a chunked 200 MB urlencoded login body with no cookie is refused with 413 before it is read", async ({ baseURL }) => {
  const before = serverRss();
  const result = await streamPost(baseURL!, "/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    chunk: Buffer.from(`email=${"a".repeat(64 * 1024 - 7)}&`),
    totalBytes: 200 * MB,
  });
  expect(result.status).toBe(413);
  expect(JSON.parse(result.body)).toMatchObject({ error: { code: "TOO_LARGE" } });
  // Refused long before the end: what was sent is only what the sockets buffered meanwhile.
  expect(result.sentBytes).toBeLessThan(64 * MB);
  expect(serverRss() - before).toBeLessThan(50 * MB);
});

test("login and logout through the page; after logout the old session cookie is refused", async ({ page, playwright, baseURL }) => {
  await login(page, "ben@example.com");
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "next-auth.session-token");
  expect(session).toBeTruthy();
  expect((await page.request.get("/api/me")).status()).toBe(200);
  await logout(page);

  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.session-token=${session!.value}` } });
  const me = await replay.get("/api/me");
  expect(me.status()).toBe(401);
  await replay.dispose();
});

test("the login page never redirects off-site nor answers 500, logged in or not", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  await login(page, "ana@example.com");
  for (const from of ["/%5Cevil.example/", "/%09/evil.example/", "/%0a/x", "//evil.example/"]) {
    const res = await page.request.get(`/login?from=${from}`, { maxRedirects: 0 });
    expect(res.status(), from).toBe(307);
    expect(new URL(res.headers().location!, origin).href, from).toBe(`${origin}/articles`);
  }
  const res = await page.request.get("/login?from=/review", { maxRedirects: 0 });
  expect(res.headers().location).toMatch(/\/review$/);

  // Logged out, the form itself goes to the safe page after signing in.
  await page.context().clearCookies();
  await page.goto("/login?from=%2F%09%2Fevil.example%2F");
  await page.getByLabel("Email").fill("ana@example.com");
  await page.getByLabel("Password").fill("credibility-demo");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(`${origin}/articles`);
});

test("next-auth's routes answer an unparsable callback URL without a 500", async ({ request, baseURL }) => {
  const evil = `${baseURL}.evil.example/`;
  const signin = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(evil)}`, { maxRedirects: 0 });
  expect(signin.status()).toBeLessThan(500);
  expect(signin.headers().location ?? "").not.toContain("evil.example");
  const csrf = await request.get("/api/auth/csrf", { headers: { cookie: `next-auth.callback-url=${encodeURIComponent(evil)}` } });
  expect(csrf.status()).toBe(200);
});

test("changing the password from the account page ends the session; the new password logs in", async ({ page, playwright, baseURL }) => {
  const email = `pat-${Date.now()}@example.com`;
  await login(page, "admin@example.com");
  const created = await page.request.post("/api/team/users", {
    data: { email, name: "Pat Changer", role: "annotator", password: "pat-first-password" },
    headers: { origin: new URL(baseURL!).origin },
  });
  expect(created.status()).toBe(201);
  await logout(page);

  await login(page, email, "pat-first-password");
  await page.getByTestId("current-user").click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const old = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token")!;

  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    await page.screenshot({ path: `/tmp/account-${width}.png`, fullPage: true });
    const box = await page.getByRole("button", { name: "Change password" }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
  }

  // A wrong current password is an error shown in the page, and nothing changes.
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("pat-second-password");
  await page.getByLabel("New password again").fill("pat-second-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-error")).toHaveText("That is not your current password.");

  // Keyboard only: the fields in order, Enter sends.
  await page.getByLabel("Current password").fill("");
  await page.getByLabel("Current password").focus();
  await page.keyboard.type("pat-first-password");
  await page.keyboard.press("Tab");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("pat-second-password");
  await page.keyboard.press("Tab");
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("pat-second-password");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/login/);

  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `next-auth.session-token=${old.value}` } });
  expect((await replay.get("/api/me")).status()).toBe(401);
  await replay.dispose();
  await login(page, email, "pat-second-password");
  await expect(page.getByTestId("current-user")).toHaveText("Pat Changer");
});
