import { expect, test } from "@playwright/test";
import { annotate, createArticle, review } from "./fixtures";
import { annotationsOf, login, logout } from "./support";

test("Delete then Undo restores the same annotation with a teammate's review and its status; the audit log shows both", async ({ page }) => {
  const quote = "Officials familiar with the plan said it would be dropped.";
  // The run's own last line keeps the body unique, so the test can repeat against one database.
  const body = `${quote}\n\nThe ministry said on Monday that the plan stands.\n\nRun ${Date.now()}.`;
  await login(page, "ana@example.com");
  const articleId = await createArticle(page, { title: `Undo restore ${Date.now()}`, body });
  const id = await annotate(page, articleId, body, quote, "opinion");
  await logout(page);

  // Ben disagrees: Ana's annotation is rejected.
  await login(page, "ben@example.com");
  await review(page, id, "disagree", "An anonymous source, not an opinion.");
  await logout(page);

  await login(page, "ana@example.com");
  await page.goto(`/articles/${articleId}`);
  const item = page.getByTestId("annotation-list").locator(`[data-annotation-id="${id}"]`);
  await expect(item).toHaveAttribute("data-status", "rejected");
  await item.getByRole("button").click();
  const details = page.getByTestId("annotation-details");
  await expect(details.getByTestId("annotation-status")).toHaveText("rejected");
  await expect(page.getByTestId("review-panel")).toContainText("Ben Reviewer");

  // Delete asks first; then the annotation is gone from the page and the API.
  await details.getByRole("button", { name: "Delete…" }).click();
  await details.getByRole("button", { name: "Delete", exact: true }).click();
  const toast = page.getByTestId("toast");
  await expect(toast).toContainText("Annotation deleted.");
  await expect(item).toHaveCount(0);
  await expect(page.locator(`[data-ids~="${id}"]`)).toHaveCount(0);
  expect((await annotationsOf(page, articleId)).some((a) => a.id === id)).toBe(false);

  // Undo brings back the same annotation: same id, still rejected, Ben's review still there.
  const restored = page.waitForResponse((r) => r.url().endsWith(`/api/annotations/${id}/restore`) && r.request().method() === "POST");
  await toast.getByRole("button", { name: "Undo" }).click();
  expect((await restored).status()).toBe(200);
  await expect(toast).toContainText("Annotation restored.");
  await expect(item).toHaveAttribute("data-status", "rejected");
  await expect(page.locator(`[data-ids~="${id}"]`).first()).toBeVisible();
  const again = (await annotationsOf(page, articleId)).find((a) => a.id === id);
  expect(again).toMatchObject({ id, status: "rejected", disagreeCount: 1, quote });
  await item.getByRole("button").click();
  await expect(details.getByTestId("annotation-status")).toHaveText("rejected");
  await expect(page.getByTestId("review-panel")).toContainText("Ben Reviewer");
  await expect(page.getByTestId("review-panel")).toContainText("An anonymous source, not an opinion.");

  // The admin's audit log lists the delete and the restore, in words.
  await logout(page);
  await login(page, "admin@example.com");
  await page.goto("/admin/audit");
  const log = page.getByTestId("audit-log");
  await expect(log.locator(`tr[data-entity-id="${id}"][data-action="annotation.delete"]`)).toContainText(
    `Deleted an Opinion annotation on “${quote}”, rejected, with 1 review`,
  );
  await expect(log.locator(`tr[data-entity-id="${id}"][data-action="annotation.restore"]`)).toContainText(
    `Restored an Opinion annotation on “${quote}”, rejected, with 1 review`,
  );
  await expect(log.locator(`tr[data-entity-id="${id}"][data-action="annotation.restore"]`)).toContainText("Ana");
});
