import { expect, test } from "@playwright/test";
import { login, logout } from "./support";

test("anonymous visitors are sent to the login page", async ({ page }) => {
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/login\?from=%2Farticles/);
  await expect(page.getByRole("heading", { name: "Log in" })).toBeVisible();
});

test("a wrong password shows an error and stays logged out", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("ana@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("That email and password do not match an account.");
  await expect(page).toHaveURL(/\/login/);
});

test("log in, see the seed articles, read one, log out", { tag: "@smoke" }, async ({ page }) => {
  await login(page, "ana@example.com");
  await expect(page.getByTestId("current-user")).toHaveText("Ana Reviewer");
  await expect(page).toHaveURL(/\/articles$/);
  const list = page.getByTestId("article-list");
  // The three seed articles (specs that ran earlier in the same run may have added others).
  await expect(list.getByRole("link").nth(2)).toBeVisible();
  await expect(list).toContainText("China admits cyber-attacks on US infrastructure in secret meeting");
  await expect(list).toContainText("Chinese official avows Beijing is behind cyberattacks on US, identifies motive: Report");
  await expect(list).toContainText("Chinese officials acknowledged responsibility for cyberattacks on US infrastructure, report says");

  await list.getByRole("link", { name: /Chinese officials acknowledged/ }).click();
  await expect(page.getByTestId("article-title")).toHaveText(
    "Chinese officials acknowledged responsibility for cyberattacks on US infrastructure, report says",
  );
  await expect(page.getByTestId("article-body")).toContainText("Embassy spokesperson Mr. Liu Pengyu said.");
  await expect(page.getByTestId("article-body")).toContainText("America’s support for Taiwan");

  await logout(page);
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/login/);
});

test("until the page's script runs, forms cannot be sent, so a password never ends up in a URL", async ({ browser, page }) => {
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const early = await noScript.newPage();
  const requested: string[] = [];
  early.on("request", (r) => requested.push(r.url()));
  await early.goto("/login");
  await expect(early.getByRole("alert")).toContainText("This app needs JavaScript");
  await expect(early.getByRole("button", { name: "Log in" })).toBeDisabled();
  await early.getByLabel("Email").fill("ana@example.com");
  await early.getByLabel("Password").fill("credibility-demo");
  await early.getByLabel("Password").press("Enter");
  await early.waitForLoadState();
  await expect(early).toHaveURL(/\/login$/);
  expect(requested.filter((u) => u.includes("credibility-demo"))).toEqual([]);

  // A filter changed before hydration would be reset by it, so the queue's filters wait for it too.
  await login(page, "ben@example.com");
  const signedIn = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const queue = await signedIn.newPage();
  await queue.goto("/review");
  await expect(queue.getByLabel("Article")).toBeDisabled();
  await page.goto("/review");
  await expect(page.getByLabel("Article")).toBeEnabled();
  await noScript.close();
  await signedIn.close();
});
