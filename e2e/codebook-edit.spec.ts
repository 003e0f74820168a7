import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_CODEBOOK } from "../lib/annotations/codebook";
import { createArticle } from "./fixtures";
import { login, selectWithMouse } from "./support";

// An admin words the team's codebook; reviewers meet that wording where they tag. Every test leaves the codebook
// at the built-in wording, which later specs (guidance.spec.ts) read.

const QUOTE = "The council should stop dithering";

async function resetAll(page: Page) {
  const origin = new URL(page.url()).origin;
  for (const tag of Object.keys(DEFAULT_CODEBOOK)) {
    const res = await page.request.delete(`/api/codebook/${tag}`, { headers: { origin } });
    expect(res.status()).toBe(200);
  }
}

test("an admin rewords a definition; a reviewer sees it in the palette and on How to tag, until it is reset", async ({ browser, page }) => {
  test.setTimeout(120_000);
  const stamp = `${Date.now()}`;
  const wording = `Our desk: the writer's own verdict, run ${stamp}.`;
  await login(page, "admin@example.com");
  try {
    await page.goto("/admin");
    await page.getByRole("link", { name: /Codebook/ }).click();
    await expect(page).toHaveURL(/\/admin\/codebook$/);
    const form = page.getByTestId("codebook-form-opinion");
    await expect(page.getByTestId("codebook-origin-opinion")).toHaveText("Built-in wording");
    const definition = form.getByLabel("Definition", { exact: true });
    await expect(definition).toHaveValue(DEFAULT_CODEBOOK.opinion.definition);

    // An empty definition is refused by the server, and the form says so beside the field.
    await definition.fill("   ");
    await expect(form).toContainText("Unsaved changes");
    await form.getByRole("button", { name: "Save opinion" }).click();
    await expect(form.getByRole("alert")).toContainText("Not saved. Definition: Write a definition");
    await expect(definition).toHaveAttribute("aria-invalid", "true");
    await expect(definition).toBeFocused();

    await definition.fill(wording);
    await expect(definition).not.toHaveAttribute("aria-invalid", "true");
    await form.getByRole("button", { name: "Save opinion" }).click();
    await expect(form.getByRole("status")).toContainText("Saved.");
    await expect(page.getByTestId("codebook-origin-opinion")).toContainText("edited by Alex Admin");
    await expect(form).toContainText("No unsaved changes.");

    // A reviewer, in a browser of their own.
    const reviewer = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await login(reviewer, "ben@example.com");
      const body = `${QUOTE} and fund the harbour at last.\n\nIn run ${stamp}, the mayor met the dock workers.`;
      const id = await createArticle(reviewer, { title: `Codebook ${stamp}`, body });
      await reviewer.goto(`/articles/${id}`);
      await selectWithMouse(reviewer, QUOTE);
      const palette = reviewer.getByTestId("tag-palette");
      await expect(palette).toBeVisible();
      await expect(palette.getByRole("button", { name: /Opinion/ })).toHaveAttribute("title", new RegExp(wording.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
      await expect(palette).not.toContainText(DEFAULT_CODEBOOK.opinion.definition);
      await reviewer.keyboard.press("Escape");

      await reviewer.goto("/how-to-tag");
      await expect(reviewer.getByTestId("codebook-opinion")).toContainText(wording);
      await expect(reviewer.getByTestId("codebook-edited-opinion")).toContainText("edited by Alex Admin on");
      await expect(reviewer.getByTestId("codebook-official-statement")).toContainText(DEFAULT_CODEBOOK["official-statement"].definition);
      await expect(reviewer.getByTestId("codebook-edited-official-statement")).toHaveCount(0);

      // Back to the built-in wording, after a confirmation.
      await form.getByRole("button", { name: "Reset to default…" }).click();
      await expect(form.getByRole("button", { name: "Keep our wording" })).toBeFocused();
      await form.getByRole("button", { name: "Reset to default", exact: true }).click();
      await expect(form.getByRole("status")).toContainText("Reset.");
      await expect(definition).toHaveValue(DEFAULT_CODEBOOK.opinion.definition);
      await expect(page.getByTestId("codebook-origin-opinion")).toHaveText("Built-in wording");

      await reviewer.reload();
      await expect(reviewer.getByTestId("codebook-opinion")).toContainText(DEFAULT_CODEBOOK.opinion.definition);
      await expect(reviewer.getByTestId("codebook-edited-opinion")).toHaveCount(0);
    } finally {
      await reviewer.close();
    }
  } finally {
    await resetAll(page);
  }
});

test("the form adds and removes examples from the keyboard and asks before unsaved changes are left", async ({ page }) => {
  await login(page, "admin@example.com");
  try {
    await page.goto("/admin/codebook");
    const form = page.getByTestId("codebook-form-anonymous-source");
    const extra = DEFAULT_CODEBOOK["anonymous-source"].moreExamples.length;
    await expect(form.getByRole("group", { name: /Further examples/ })).toContainText(`(${extra} of 10)`);
    const add = form.getByRole("button", { name: "Add an example" });
    await add.focus();
    await page.keyboard.press("Enter");
    const quote = form.getByLabel(`Example ${extra + 1}: quote`);
    await expect(quote).toBeFocused();
    await page.keyboard.type("sources close to the negotiations");
    await form.getByLabel(`Example ${extra + 1}: why (optional)`).fill("unnamed, however close");
    await form.getByRole("button", { name: "Remove example 1" }).click();
    await expect(form.getByLabel("Example 1: quote")).toBeFocused();
    await expect(form.getByLabel("Example 1: quote")).toHaveValue(DEFAULT_CODEBOOK["anonymous-source"].moreExamples[1]!.quote);
    await expect(form.getByRole("group", { name: /Further examples/ })).toContainText(`(${extra} of 10)`);

    // Leaving with unsaved changes asks; refusing stays on the page with the text kept.
    let asked = "";
    page.once("dialog", (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Admin" }).click();
    await expect.poll(() => asked).toContain("unsaved changes");
    await expect(page).toHaveURL(/\/admin\/codebook$/);
    await expect(form.getByLabel(`Example ${extra}: quote`)).toHaveValue("sources close to the negotiations");

    await form.getByRole("button", { name: "Save anonymous source" }).click();
    await expect(form.getByRole("status")).toContainText("Saved.");
    const saved = await (await page.request.get("/api/codebook")).json();
    expect(saved.entries[0].moreExamples.at(-1)).toEqual({ quote: "sources close to the negotiations", why: "unnamed, however close" });
    // Saved: nothing to ask about.
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Admin" }).click();
    await expect(page).toHaveURL(/\/admin$/);
  } finally {
    await resetAll(page);
  }
});

test("a reviewer has no codebook link, is refused the page and the API", async ({ page }) => {
  await login(page, "ana@example.com");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await page.goto("/how-to-tag");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How to tag");
  await expect(page.locator("a[href='/admin/codebook']")).toHaveCount(0);
  const res = await page.goto("/admin/codebook");
  expect(res?.status()).toBe(404);
  await expect(page.getByTestId("codebook-form-opinion")).toHaveCount(0);
  const put = await page.request.put("/api/codebook/opinion", {
    data: { ...DEFAULT_CODEBOOK.opinion, definition: "Taken over." },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(put.status()).toBe(403);
  expect((await put.json()).error.message).toBe("Only admins can edit the codebook.");
});
