import { expect, test, type Page } from "@playwright/test";
import { login, openArticle, selectWithMouse } from "./support";

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

type Violation = { directive: string; blocked: string; sample: string; page: string };

/** Every CSP violation the browser reports from now on, on every page the tab visits, plus console refusals. */
async function recordCspViolations(page: Page) {
  const violations: Violation[] = [];
  const refusals: string[] = [];
  await page.exposeBinding("__cspViolation", (_source, v: Violation) => void violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __cspViolation: (v: Violation) => void }).__cspViolation;
      void report({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, page: location.pathname });
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) refusals.push(m.text());
  });
  return { violations, refusals };
}

function scriptSrc(csp: string | undefined): string {
  return (csp ?? "").split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
}

/** The page's policy allows only its own nonce; every inline script Next wrote carries it; the bundle ran. */
async function expectNoncedPage(page: Page, path: string, status = 200) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(status);
  const policy = scriptSrc(res?.headers()["content-security-policy"]);
  expect(policy, path).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
  expect(policy, path).toContain("'strict-dynamic'");
  expect(policy, path).not.toContain("'unsafe-inline'");
  expect(policy, path).not.toContain("'unsafe-eval'");
  // A cache that replayed this page would replay its nonce to everyone.
  expect(res?.headers()["cache-control"], path).toContain("no-store");
  await page.waitForLoadState("networkidle");
  // window.next is set by Next's client runtime once the page hydrates: the nonce let the bundle run.
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version));
  const unnonced = await page.evaluate(() =>
    [...document.querySelectorAll("script")].filter((s) => !s.src && !s.nonce).map((s) => s.textContent?.slice(0, 80)),
  );
  expect(unnonced, path).toEqual([]);
  return policy;
}

test("every page runs under a per-request nonce policy with no CSP violations", async ({ page }) => {
  const { violations, refusals } = await recordCspViolations(page);
  const loginPolicy = await expectNoncedPage(page, "/login");
  await login(page, "admin@example.com");

  await page.goto("/articles");
  const articleHref = await page.getByTestId("article-list").locator("a[href^='/articles/']").first().getAttribute("href");
  expect(articleHref).toBeTruthy();
  await page.goto("/scores");
  const storyHref = await page.locator("a[href^='/stories/']").first().getAttribute("href");
  expect(storyHref).toBeTruthy();

  const pages = [
    "/articles",
    articleHref!,
    `${articleHref}/disagreements`,
    "/review",
    "/scores",
    storyHref!,
    "/team",
    "/import",
    "/admin",
    "/admin/users",
    "/admin/settings",
    "/admin/codebook",
    "/admin/audit",
  ];
  const policies = new Set([loginPolicy]);
  for (const path of pages) policies.add(await expectNoncedPage(page, path));
  await expectNoncedPage(page, "/no-such-page", 404);
  await expect(page.getByText(/could not be found|404/i).first()).toBeVisible();

  // The workspace still works: selecting text opens the tag palette (a positioned, React-styled element).
  // A mouse selection, as a reader makes one (a double click could land on a highlight other specs left there).
  await openArticle(page, /China admits/);
  await selectWithMouse(page, "Geneva, Switzerland");
  await expect(page.getByTestId("tag-palette")).toBeVisible();

  expect(policies.size, "a fresh nonce on every response").toBe(pages.length + 1);
  expect(violations).toEqual([]);
  expect(refusals).toEqual([]);
});

test("markup injected into a page cannot run script, and the API answers under a deny-all policy", async ({ page }) => {
  const { violations } = await recordCspViolations(page);
  await login(page, "ana@example.com");
  await page.waitForLoadState("networkidle");
  // What an HTML injection would hand the parser: an event handler, an inline script and a same-origin script
  // without the nonce (the last two in a srcdoc frame, which inherits the page's policy and parses its markup).
  // ('strict-dynamic' deliberately trusts scripts that already-running script creates: by then an attacker
  // already runs code, so those are no test of the policy.)
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { __injected: string[] };
    w.__injected = [];
    const holder = document.createElement("div");
    holder.innerHTML = `<img src="data:," onload="__injected.push('handler')" onerror="__injected.push('handler')">`;
    document.body.appendChild(holder);
    const frame = document.createElement("iframe");
    frame.srcdoc = `<script>parent.__injected.push("inline")</script><script src="/_next/static/chunks/injected.js"></script>`;
    document.body.appendChild(frame);
    await new Promise((r) => frame.addEventListener("load", r));
    return w.__injected;
  });
  expect(ran).toEqual([]);
  await expect
    .poll(() => [...new Set(violations.map((v) => `${v.directive} ${v.blocked.replace(/^https?:\/\/[^/]+/, "")}`))].sort())
    .toEqual(["script-src-attr inline", "script-src-elem /_next/static/chunks/injected.js", "script-src-elem inline"]);

  const api = await page.request.get("/api/me");
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["x-frame-options"]).toBe("DENY");
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
  // The login page says so in words; an unknown account and a wrong password read the same. Should the lock lapse
  // before the browser's attempt on a slow machine, each further failure lengthens it, so a few tries meet one.
  await page.goto("/login");
  await page.getByLabel("Email").fill("nobody@example.com");
  await page.getByLabel("Password").fill("wrong-password");
  const error = page.getByTestId("login-error");
  for (let i = 0; i < 5; i++) {
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(error).toBeVisible();
    if ((await error.textContent())?.startsWith("Too many attempts")) break;
  }
  await expect(error).toHaveText(
    "Too many attempts for this account. Try again in a few minutes, or from a browser you have logged in with before.",
  );
  // Limits are per account (and per address only behind a trusted proxy): another account logs in meanwhile.
  const ok = await attempt("ana@example.com", "credibility-demo");
  expect(ok.status()).toBeLessThan(400);
});
