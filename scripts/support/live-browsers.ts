// Part 4 of the multi-instance test: two teammates in two browsers, each served by a different instance on one
// PostgreSQL database. The reader's open article page (instance B) must show the author's new annotation, and the
// author's reply and verdict in the thread the reader has open (all made through instance A), within 2 s each,
// without reloading and without losing the reply being typed.
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../e2e/browser";
import { acknowledged, createAnnotation, importArticles, replyTo, reviewAnnotation, type TSession } from "./api";
import type { TCheck } from "./consistency";

const WITHIN_MS = 2000;

/** The session's cookies, for a browser context on its instance. */
function cookiesOf(session: TSession) {
  return session.cookie.split(/;\s*/).flatMap((pair) => {
    const at = pair.indexOf("=");
    return at > 0 ? [{ name: pair.slice(0, at), value: pair.slice(at + 1), url: session.baseURL }] : [];
  });
}

export async function liveInBrowsers(author: TSession, reader: TSession): Promise<TCheck> {
  const mismatches: string[] = [];
  const stamp = Date.now();
  const body = `An official said the talks would resume on Monday. People familiar with the plan said otherwise. (${stamp})`;
  const imported = await importArticles(author, [{ title: `Browser live check ${stamp}`, body }]);
  const articleId = imported.value?.created[0]?.id;
  if (!articleId) throw new Error(`POST /api/import/articles answered ${imported.status}`);
  // The reader's own annotation, whose thread they are writing in when the author's arrives.
  const own = await createAnnotation(reader, articleId, { start: 48, end: 70, tag: "anonymous-source" });
  if (!own.value) throw new Error(`the reader's create answered ${own.status}`);

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  let ms = NaN;
  const timings: string[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies(cookiesOf(reader));
    const page = await context.newPage();
    const streamOpen = page.waitForResponse((r) => r.url().endsWith("/api/events") && r.status() === 200);
    await page.goto(`${reader.baseURL}/articles/${articleId}?annotation=${own.value.id}&thread=1`);
    await streamOpen;
    const draft = "Half a reply, still being typed";
    await page.getByLabel("Reply", { exact: true }).fill(draft);
    await page.evaluate(() => Object.assign(window, { __sameDocument: true }));

    const sent = Date.now();
    const created = await createAnnotation(author, articleId, { start: 0, end: 34, tag: "official-statement" });
    if (!created.value) throw new Error(`the author's create answered ${created.status}`);
    const shown = await page
      .locator(`[data-ids~="${created.value.id}"]`)
      .first()
      .waitFor({ timeout: 5000 })
      .then(() => true)
      .catch(() => false);
    ms = Date.now() - sent;
    if (!shown) mismatches.push("the annotation made through instance A never showed on the page served by instance B");
    else if (ms > WITHIN_MS) mismatches.push(`the annotation showed after ${ms} ms, not within ${WITHIN_MS} ms`);

    // The author's reply and verdict on the reader's annotation join the thread the reader has open.
    for (const [what, write, entry] of [
      ["reply", () => replyTo(author, own.value!.id, "Which officials, though?"), "thread-reply"],
      ["verdict", () => reviewAnnotation(author, own.value!.id, "agree"), "thread-review"],
    ] as const) {
      const at = Date.now();
      const answer = await write();
      if (!acknowledged(answer.status)) throw new Error(`the author's ${what} answered ${answer.status}`);
      const arrived = await page
        .getByTestId(entry)
        .first()
        .waitFor({ timeout: 5000 })
        .then(() => Date.now() - at)
        .catch(() => null);
      timings.push(`${what} ${arrived ?? "never"} ms`);
      if (arrived === null) mismatches.push(`the ${what} made through instance A never showed in the thread open on instance B`);
      else if (arrived > WITHIN_MS) mismatches.push(`the ${what} showed after ${arrived} ms, not within ${WITHIN_MS} ms`);
    }
    if (!(await page.evaluate(() => "__sameDocument" in window))) mismatches.push("the page reloaded");
    const kept = await page.getByLabel("Reply", { exact: true }).inputValue();
    if (kept !== draft) mismatches.push(`the reply being typed became "${kept}"`);
  } finally {
    await browser.close();
  }
  console.log(`  live in browsers: through instance A, shown on instance B's page after (from sending): annotation ${ms} ms, ${timings.join(", ")}`);
  return { name: "a teammate's annotation, reply and verdict made through one instance show on a browser page served by the other, typing kept", checked: 3, mismatches };
}
