// Takes screenshots of the running app for review and the README:
//   npx tsx scripts/screenshots.ts --base http://127.0.0.1:3000 --out docs/screenshots --as ana@example.com /articles /articles/<id>
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../e2e/browser";

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      base: { type: "string", default: "http://127.0.0.1:3000" },
      out: { type: "string", default: "docs/screenshots" },
      as: { type: "string" },
      password: { type: "string", default: process.env.DEMO_PASSWORD ?? "credibility-demo" },
      width: { type: "string", default: "1360" },
      height: { type: "string", default: "900" },
      full: { type: "boolean", default: false },
    },
  });
  mkdirSync(values.out!, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) } });
  if (values.as) {
    await page.goto(`${values.base}/login`);
    await page.getByLabel("Email").fill(values.as);
    await page.getByLabel("Password").fill(values.password!);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByTestId("current-user").waitFor();
  }
  for (const target of positionals) {
    const [url, name] = target.split("=") as [string, string | undefined];
    await page.goto(`${values.base}${url}`);
    await page.waitForLoadState("networkidle", { timeout: 5000 }).catch(() => console.warn(`${url}: network still busy after 5 s`));
    const file = path.join(values.out!, `${name ?? (url.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "root")}.png`);
    await page.screenshot({ path: file, fullPage: values.full });
    console.log(file);
  }
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
