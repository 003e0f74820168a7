import { expect, test } from "@playwright/test";
import { login, selectWithMouse } from "./support";

const PAYLOADS = [
  `<img src=x onerror="window.__xss=(window.__xss||0)+1">`,
  `<script>window.__xss=(window.__xss||0)+1</script>`,
  `<svg onload="window.__xss=(window.__xss||0)+1"></svg>`,
];

test("stored markup in titles, outlets, bodies and notes is shown as text and never runs", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await login(page, "ana@example.com");
  const origin = new URL(page.url()).origin;
  const body = `Intro paragraph with plain words.\n\n${PAYLOADS.join(" and ")}\n\nClosing paragraph.`;
  const created = await page.request.post("/api/articles", {
    data: { title: `Hostile ${PAYLOADS[0]}`, outlet: PAYLOADS[1], body },
    headers: { origin },
  });
  expect(created.status()).toBe(201);
  const article = await created.json();
  const ann = await page.request.post(`/api/articles/${article.id}/annotations`, {
    data: { start: 0, end: 5, tag: "opinion", note: PAYLOADS[2] },
    headers: { origin },
  });
  expect(ann.status()).toBe(201);

  await page.goto(`/articles/${article.id}`);
  await expect(page.getByTestId("article-title")).toContainText("<img src=x onerror=");
  await expect(page.getByTestId("article-body")).toContainText("<script>window.__xss");
  await page.getByTestId("annotation-list").getByRole("button").first().click();
  await expect(page.getByTestId("annotation-details")).toContainText("<svg onload=");
  await page.goto("/articles");
  await expect(page.getByTestId("article-list")).toContainText("Hostile <img");
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0)).toBe(0);
  expect(await page.locator("article img, main img[src='x'], main script:not([src]):has-text('__xss')").count()).toBe(0);

  // A teammate's review comment with markup.
  await page.goto(`/articles/${article.id}`);
  await selectWithMouse(page, "Closing paragraph.");
  await page.getByTestId("tag-palette").getByRole("button", { name: /Opinion/ }).click();
  await expect(page.getByTestId("annotation-list")).toContainText("Closing paragraph.");
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0)).toBe(0);
  expect(dialogs).toBe(0);
});

test("security headers are sent and the CSP forbids eval", async ({ page }) => {
  const res = await page.request.get("/login");
  const headers = res.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-powered-by"]).toBeUndefined();
});

test("repeated failed logins are throttled with 429 and a generic message", async ({ page, request }) => {
  const attempt = async (email: string, password: string) => {
    const csrf = await (await request.get("/api/auth/csrf")).json();
    return request.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, email, password, json: "true" },
      maxRedirects: 0,
    });
  };
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) statuses.push((await attempt("nobody@example.com", "wrong-password")).status());
  expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
  const limited = await attempt("nobody@example.com", "wrong-password");
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  // The login page says so in words; an unknown account and a wrong password read the same.
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Too many attempts. Wait a minute and try again.");
  // Let the lock expire so later tests can log in from this address.
  await page.waitForTimeout(Number(limited.headers()["retry-after"]) * 1000 + 200);
  const ok = await attempt("ana@example.com", "credibility-demo");
  expect(ok.status()).toBeLessThan(400);
});
