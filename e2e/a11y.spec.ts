import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { login, selectWithMouse } from "./support";

// Every page, scanned by axe-core against WCAG 2.0/2.1 A and AA, at desktop and phone width. Only
// "serious" and "critical" findings fail the run: those are the ones that stop a screen-reader or
// low-vision user from doing the job.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const WIDTHS = [1280, 390];
const BLOCKING = new Set(["serious", "critical"]);
// axe only asks for review when a name is set where ARIA forbids one but the element has text of its own;
// the name is still dropped by screen readers, so that counts as a finding too.
const REVIEW_COUNTS = new Set(["aria-prohibited-attr"]);


type Finding = { page: string; width: number; rule: string; impact: string; targets: string[]; help: string };

async function scan(page: Page, label: string, width: number): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return [...results.violations, ...results.incomplete.filter((v) => REVIEW_COUNTS.has(v.id))]
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .flatMap((v) =>
      v.nodes.map((n) => ({
        page: label,
        width,
        rule: v.id,
        impact: v.impact ?? "",
        targets: n.target.map(String),
        help: v.help,
      })),
    );
}

function report(findings: Finding[]): string {
  return findings.map((f) => `${f.page} @${f.width}px  ${f.impact}  ${f.rule}  ${f.targets.join(" ")}  (${f.help})`).join("\n");
}

async function settle(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
}

type Fixture = { articleId: string; annotationIds: string[]; quotes: string[]; untagged: string };

/**
 * Three annotations on a seed article, so highlights, the list, details and the score render, and a fourth
 * passage left untagged to open the tag palette on. A seed article rather than a new one: later specs count
 * the seed articles, so this spec leaves none behind and removes its annotations when done.
 */
async function annotateSeedArticle(page: Page): Promise<Fixture> {
  const origin = new URL(page.url()).origin;
  const list = await page.request.get("/api/articles");
  expect(list.ok()).toBe(true);
  const { id: articleId } = ((await list.json()).articles as { id: string; title: string }[]).find((a) =>
    a.title.startsWith("Chinese officials acknowledged"),
  )!;
  const { body } = (await (await page.request.get(`/api/articles/${articleId}`)).json()) as { body: string };
  // The opening words of the first four paragraphs: plain text, apart from each other.
  const quotes = body
    .split("\n\n")
    .map((p) => p.trim().split(/\s+/).slice(0, 6).join(" "))
    .filter((q) => q.length > 20)
    .slice(0, 4);
  expect(quotes).toHaveLength(4);
  const annotationIds: string[] = [];
  for (const [i, tag] of ["anonymous-source", "official-statement", "opinion"].entries()) {
    const quote = quotes[i]!;
    const start = body.indexOf(quote);
    const res = await page.request.post(`/api/articles/${articleId}/annotations`, {
      data: { start, end: start + quote.length, tag, quote, note: "Checked against the wire copy." },
      headers: { origin },
    });
    expect(res.status()).toBe(201);
    annotationIds.push((await res.json()).id);
  }
  return { articleId, annotationIds, quotes: quotes.slice(0, 3), untagged: quotes[3]! };
}

async function removeAnnotations(page: Page, fixture: Fixture) {
  const origin = new URL(page.url()).origin;
  for (const id of fixture.annotationIds) {
    const res = await page.request.delete(`/api/annotations/${id}`, { headers: { origin } });
    expect(res.ok()).toBe(true);
  }
}

async function scanArticleStates(page: Page, fixture: Fixture, width: number): Promise<Finding[]> {
  const path = `/articles/${fixture.articleId}`;
  await settle(page, path);
  await expect(page.locator("mark.hl").first()).toBeVisible();
  const found = await scan(page, path, width);

  await page.getByTestId("annotation-list").getByRole("button", { name: fixture.quotes[0] }).click();
  await expect(page.getByTestId("annotation-details")).toBeVisible();
  found.push(...(await scan(page, `${path} (annotation details)`, width)));
  // Closed first, as a reader would: on a phone the details can cover the passage to select next.
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("annotation-details")).toBeHidden();

  await selectWithMouse(page, fixture.untagged);
  await expect(page.getByTestId("tag-palette")).toBeVisible();
  found.push(...(await scan(page, `${path} (tag palette)`, width)));
  await page.keyboard.press("Escape");
  return found;
}

test("no serious or critical accessibility violations on any page, as an admin", async ({ page }) => {
  test.setTimeout(240_000);
  const findings: Finding[] = [];
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await settle(page, "/login");
    findings.push(...(await scan(page, "/login", width)));
  }

  await login(page, "admin@example.com");
  const fixture = await annotateSeedArticle(page);
  try {
    await page.goto("/scores");
    const storyHref = await page.locator("a[href^='/stories/']").first().getAttribute("href");
    expect(storyHref).toBeTruthy();
    const paths = [
      "/articles",
      `/articles/${fixture.articleId}/disagreements`,
      "/how-to-tag",
      "/review",
      "/scores",
      storyHref!,
      "/team",
      "/import",
      "/account",
      "/admin",
      "/admin/users",
      "/admin/settings",
      "/admin/codebook",
      "/admin/audit",
      "/notifications",
      "/no-such-page",
    ];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      for (const path of paths) {
        await settle(page, path);
        findings.push(...(await scan(page, path, width)));
      }
      findings.push(...(await scanArticleStates(page, fixture, width)));
    }
  } finally {
    await removeAnnotations(page, fixture);
  }
  expect(findings, report(findings)).toEqual([]);
});

test("no serious or critical accessibility violations for a reviewer: queue with an item, a teammate's annotation", async ({ browser, page }) => {
  test.setTimeout(120_000);
  // The admin tags in a browser of their own, so the reviewer's session stays put and cleanup needs no re-login.
  const admin = await browser.newPage();
  await login(admin, "admin@example.com");
  const fixture = await annotateSeedArticle(admin);
  const findings: Finding[] = [];
  try {
    // A reply that mentions the reviewer: a thread to read and a notification to list.
    const reply = await admin.request.post(`/api/annotations/${fixture.annotationIds[0]}/replies`, {
      data: { text: "@Ana Reviewer could you check this against the wire copy?" },
      headers: { origin: new URL(admin.url()).origin },
    });
    expect(reply.status()).toBe(201);
    await login(page, "ana@example.com");
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await settle(page, "/review");
      await page.getByLabel("Article").selectOption(fixture.articleId);
      await expect(page.locator(".queue-item.current")).toBeVisible();
      findings.push(...(await scan(page, "/review (an item in the queue)", width)));

      // A teammate's annotation: the details carry the review panel.
      await settle(page, `/articles/${fixture.articleId}`);
      await page.getByTestId("annotation-list").getByRole("button", { name: fixture.quotes[0] }).click();
      await expect(page.getByTestId("review-panel")).toBeVisible();
      findings.push(...(await scan(page, `/articles/${fixture.articleId} (review panel)`, width)));

      // Its discussion, with the mention suggestions open.
      await page.getByRole("button", { name: "Show discussion" }).click();
      await expect(page.getByTestId("thread-reply")).toHaveCount(1);
      await page.getByRole("textbox", { name: "Reply", exact: true }).fill("@");
      await expect(page.getByRole("listbox", { name: "Teammates to mention" })).toBeVisible();
      findings.push(...(await scan(page, `/articles/${fixture.articleId} (thread panel)`, width)));

      await settle(page, "/notifications");
      await expect(page.getByTestId("notification").first()).toBeVisible();
      findings.push(...(await scan(page, "/notifications (a mention)", width)));
    }
  } finally {
    await removeAnnotations(admin, fixture);
    await admin.close();
  }
  expect(findings, report(findings)).toEqual([]);
});

/** Tabs through a page and names every element that takes focus without a visible focus ring. */
async function unringedFocusStops(page: Page, path: string, maxStops = 60): Promise<{ stops: number; missing: string[] }> {
  await settle(page, path);
  const missing: string[] = [];
  let stops = 0;
  // The first round checks whatever the page focused on load (an autofocus field), then each Tab moves on.
  for (let round = 0; stops < maxStops; round++) {
    if (round > 0) await page.keyboard.press("Tab");
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return "body" as const;
      // Back at a stop already checked: the tab order has wrapped round.
      if (el.dataset.focusChecked) return null;
      el.dataset.focusChecked = "1";
      const style = getComputedStyle(el);
      // The app draws focus with an outline (globals.css :focus-visible); a box-shadow would not tell, as
      // cards and tables carry one at rest.
      const ringed = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 && style.outlineColor !== "rgba(0, 0, 0, 0)";
      const name = `${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}"`;
      return { name, ringed };
    });
    if (stop === "body") {
      if (round === 0) continue;
      break;
    }
    if (!stop) break;
    stops++;
    if (!stop.ringed) missing.push(`${path}: ${stop.name}`);
  }
  return { stops, missing };
}

test("every keyboard focus stop shows a focus ring", async ({ page }) => {
  test.setTimeout(120_000);
  const missing: string[] = [];
  const check = async (path: string) => {
    const found = await unringedFocusStops(page, path);
    // Guards against a walk that never left the page body and so checked nothing.
    expect(found.stops, `focus stops on ${path}`).toBeGreaterThan(2);
    missing.push(...found.missing);
  };
  await check("/login");
  await login(page, "admin@example.com");
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ["/articles", "/how-to-tag", "/scores", "/team", "/import", "/account", "/notifications", "/admin", "/admin/users", "/admin/settings", "/admin/codebook", "/admin/audit"]) {
      await check(path);
    }
  }
  expect(missing, missing.join("\n")).toEqual([]);
});
