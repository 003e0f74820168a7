// Measures the annotation workspace on a long article: 100,000 characters and 1,000 annotations.
//   npx tsx scripts/measure-workspace.ts --base http://127.0.0.1:3000
// Creates the article through the API (as admin), then times in Chromium: page load to interactive text,
// a mouse selection to the palette, a save to the highlight, and a click on a highlight to its details.
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/browser";

const WORDS = "officials said the report familiar with the matter according to sources spokesperson told reporters that".split(" ");

async function main() {
  const { values } = parseArgs({ options: { base: { type: "string", default: "http://127.0.0.1:3000" } } });
  const base = values.base!;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill(process.env.DEMO_PASSWORD ?? "credibility-demo");
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByTestId("current-user").waitFor();

  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  let body = `Measured on ${new Date().toISOString()}.\n\n`;
  while (body.length < 100_000) {
    const sentence = Array.from({ length: 8 + Math.floor(rnd() * 20) }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(" ");
    body += `${sentence[0]!.toUpperCase()}${sentence.slice(1)}. ${rnd() < 0.2 ? "“Quoted — 😀” " : ""}`;
    if (rnd() < 0.12) body += "\n\n";
  }
  const origin = { origin: base };
  const article = await (
    await page.request.post(`${base}/api/articles`, { data: { title: `Long article ${Date.now()}`, body }, headers: origin })
  ).json();
  const length = Array.from(body).length;
  for (let i = 0; i < 1000; i++) {
    const start = Math.floor(rnd() * (length - 300));
    await page.request.post(`${base}/api/articles/${article.id}/annotations`, {
      data: { start, end: start + 5 + Math.floor(rnd() * 250), tag: ["opinion", "anonymous-source", "official-statement"][i % 3] },
      headers: origin,
    });
  }

  const t0 = Date.now();
  await page.goto(`${base}/articles/${article.id}`);
  await page.getByTestId("annotation-list").waitFor();
  const load = Date.now() - t0;
  const marks = await page.locator("mark.hl").count();

  const para = page.locator("[data-testid=article-body] p").nth(3);
  const box = (await para.boundingBox())!;
  await page.mouse.move(box.x + 5, box.y + 8);
  const t1 = Date.now();
  await page.mouse.down();
  await page.mouse.move(box.x + 300, box.y + 8, { steps: 3 });
  await page.mouse.up();
  await page.getByTestId("tag-palette").waitFor();
  const palette = Date.now() - t1;

  const t2 = Date.now();
  await page.keyboard.press("3");
  await page.keyboard.press("Enter");
  await page.getByTestId("tag-palette").waitFor({ state: "hidden" });
  await page.locator("mark.hl").nth(marks).waitFor();
  const save = Date.now() - t2;

  await page.keyboard.press("Escape");
  await page.locator("mark.hl").nth(10).scrollIntoViewIfNeeded();
  // Timed inside the page: from the click to the frame that shows the details panel.
  // A string, not a function: tsx would wrap named closures in a helper the page does not have.
  const details = (await page.evaluate(`(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    document.querySelector("[data-testid=annotation-details] button[aria-label='Close details']")?.click();
    await frame();
    const el = document.querySelectorAll("mark.hl")[10];
    const t = performance.now();
    el.click();
    while (!document.querySelector("[data-testid=annotation-details]")) await frame();
    await frame();
    return Math.round(performance.now() - t);
  })()`)) as number;

  console.log(
    JSON.stringify({ characters: length, annotations: 1000, highlightSegments: marks, loadToInteractiveMs: load, selectionToPaletteMs: palette, saveToHighlightMs: save, clickToDetailsMs: details }, null, 2),
  );
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
