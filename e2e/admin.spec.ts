import { expect, test } from "@playwright/test";
import { login, logout } from "./support";

test("an admin adds a person, changes their role, and sees it in the audit log; the new person can log in", async ({ page }) => {
  await login(page, "admin@example.com");
  await page.goto("/admin/users");
  const form = page.locator("form").filter({ hasText: "Add person" });
  await form.getByLabel("Name").fill("Dana Annotator");
  await form.getByLabel("Email").fill("dana@example.com");
  await form.getByLabel("Role").selectOption("annotator");
  await form.getByLabel(/Initial password/).fill("short");
  await form.getByRole("button", { name: "Add person" }).click();
  // The browser's own check refuses the short password before anything is sent.
  await expect(page.getByTestId("people")).not.toContainText("dana@example.com");
  await form.getByLabel(/Initial password/).fill("dana-long-password");
  await form.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("status")).toContainText("Added Dana Annotator as annotator");
  await expect(page.getByTestId("people")).toContainText("dana@example.com");

  page.once("dialog", (d) => void d.accept());
  await page.getByLabel("Role of Dana Annotator").selectOption("reviewer");
  await expect(page.getByLabel("Role of Dana Annotator")).toHaveValue("reviewer");

  await page.goto("/admin/audit");
  await expect(page.getByTestId("audit-log")).toContainText("user.role");
  await expect(page.getByTestId("audit-log")).toContainText("user.create");
  await logout(page);

  await login(page, "dana@example.com", "dana-long-password");
  await expect(page.getByTestId("current-user")).toHaveText("Dana Annotator");
  await expect(page.locator(".whoami-meta")).toContainText("reviewer");
  // Not an admin: the admin pages do not exist for them.
  const res = await page.goto("/admin/users");
  expect(res?.status()).toBe(404);
});
