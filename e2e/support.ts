import { expect, type Page } from "@playwright/test";

export const PASSWORD = "credibility-demo";

export async function login(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** Logs in as a new annotator of the demo team, which the admin adds first (the seed has none). */
export async function loginAsNewAnnotator(page: Page, label: string) {
  await login(page, "admin@example.com");
  const email = `annotator-${label}-${Date.now()}@example.com`;
  const res = await page.request.post("/api/team/users", {
    data: { email, name: "Ann Otator", role: "annotator", password: "a-long-password-123" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(201);
  await logout(page);
  await login(page, email, "a-long-password-123");
}

export async function openArticle(page: Page, titleFragment: string | RegExp) {
  await page.goto("/articles");
  await page.getByTestId("article-list").getByRole("link", { name: titleFragment }).click();
  await expect(page.getByTestId("article-body")).toBeVisible();
}

/** Selects `quote` in the article body with a real mouse drag. */
export async function selectWithMouse(page: Page, quote: string) {
  await dragSelect(page, quote, quote);
}

/**
 * A real mouse drag from the left edge of the first character of `startText` to the right edge of the
 * last character of `endText` (found at or after the start), as a reader selects text.
 */
export async function dragSelect(page: Page, startText: string, endText: string) {
  const box = await page.getByTestId("article-body").evaluate(
    async (root, args) => {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = (n as Text).parentElement;
        if (el?.closest("[data-s]") && getComputedStyle(el).display !== "none") nodes.push(n as Text);
      }
      const full = nodes.map((n) => n.data).join("");
      const from = full.indexOf(args.startText);
      if (from < 0) throw new Error(`not found in article: ${args.startText}`);
      const toStart = full.indexOf(args.endText, from);
      if (toStart < 0) throw new Error(`not found in article: ${args.endText}`);
      const to = toStart + args.endText.length;
      const locate = (offset: number) => {
        let rest = offset;
        for (const n of nodes) {
          if (rest < n.data.length) return { node: n, offset: rest };
          rest -= n.data.length;
        }
        throw new Error("offset past end");
      };
      const rectOf = (offset: number, len: number) => {
        const { node, offset: o } = locate(offset);
        const r = document.createRange();
        r.setStart(node, o);
        r.setEnd(node, o + len);
        return r.getClientRects()[0]!;
      };
      const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
      const firstLen = isLow(full.charCodeAt(from + 1)) ? 2 : 1;
      const lastLen = isLow(full.charCodeAt(to - 1)) ? 2 : 1;
      // A smooth scroll the page started (a list item bringing its highlight into view) would carry on and
      // move the text away from where the drag lands: wait until the page holds still, then measure.
      const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
      let still = 0;
      const holder = locate(from).node.parentElement!;
      for (let last = NaN, i = 0; still < 3 && i < 120; i++) {
        holder.scrollIntoView({ block: "center" });
        await frame();
        const top = holder.getBoundingClientRect().top;
        still = top === last ? still + 1 : 0;
        last = top;
      }
      const first = rectOf(from, firstLen);
      const end = rectOf(to - lastLen, lastLen);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: end.right - 1, y2: end.top + end.height / 2 };
    },
    { startText, endText },
  );
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

/** The text under every highlight segment of one annotation, joined: what the reader sees as highlighted. */
export async function highlightedText(page: Page, annotationId: string) {
  return page
    .locator(`[data-ids~="${annotationId}"]`)
    .evaluateAll((els) => els.map((e) => e.textContent ?? "").join(""));
}

export async function annotationsOf(page: Page, articleId: string) {
  const res = await page.request.get(`/api/articles/${articleId}/annotations`);
  expect(res.ok()).toBe(true);
  return (await res.json()).annotations as Array<{ id: string; quote: string; tag: string; start: number; end: number; author: { email: string } }>;
}

export function articleIdFromUrl(page: Page): string {
  return new URL(page.url()).pathname.split("/").pop()!;
}
