import { expect, test } from "@playwright/test";
import { login, openArticle, selectWithMouse } from "./support";

test("annotating a seed article changes its score, the dashboard and the story comparison", async ({ page }) => {
  await login(page, "admin@example.com");
  await openArticle(page, /China admits cyber-attacks/);
  const panel = page.getByTestId("score-panel");
  await expect(panel).toBeVisible();
  const before = (await page.getByTestId("score-value").textContent()) ?? "";
  const beforeOfficial = Number(await page.getByTestId("consensus-official-statement").textContent());

  await selectWithMouse(page, "The US State Department did not comment on the specifics of the meeting");
  await page.getByTestId("tag-palette").getByRole("button", { name: /Official statement/ }).click();
  await expect(page.getByTestId("consensus-official-statement")).toHaveText(String(beforeOfficial + 1));
  await expect(page.getByTestId("score-value")).not.toHaveText(before);
  const after = (await page.getByTestId("score-value").textContent())!;
  const score = Number.parseFloat(after);
  expect(score).toBeGreaterThan(0);

  // The explanation shows the formula with this article's numbers, ending in the displayed score.
  await panel.getByText("How is this computed?").click();
  await expect(page.getByTestId("score-formula")).toContainText(score.toFixed(1));

  await page.getByRole("link", { name: "Compare outlets on this story" }).click();
  const card = page.getByTestId("outlet-card").filter({ hasText: "Red Sky Alliance" });
  await expect(card.getByTestId("outlet-score")).toHaveText(score.toFixed(1));
  await expect(page.getByTestId("mix-chart")).toBeVisible();

  await page.goto("/scores");
  await expect(page.getByTestId("outlet-scores")).toContainText("Red Sky Alliance");
  await expect(page.getByTestId("score-table")).toContainText(score.toFixed(1));
});

test("an admin changes the weights and the score follows", async ({ page }) => {
  await login(page, "admin@example.com");
  await page.goto("/admin/settings");
  await page.getByLabel("Opinion").fill("-2");
  await page.getByRole("button", { name: "Save weights" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  const weights = await (await page.request.get("/api/team/weights")).json();
  expect(weights.weights.opinion).toBe(-2);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Restore defaults" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");
  const restored = await (await page.request.get("/api/team/weights")).json();
  expect(restored.weights).toEqual({ "official-statement": 1, "anonymous-source": -1, opinion: -0.5 });
});
