import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { probeLatency, serverRss } from "./server-load";
import { login } from "./support";

// Hostile imports against the production build: a million-row CSV and large or deep HTML get a 4xx JSON answer
// while the server's memory stays bounded and every other request keeps being answered.

const CSV_HEADER =
  "annotation_id,article_id,article_title,outlet,annotator_email,annotator_name,tag,start,end,quote,note,status,agree_count,disagree_count,created_at,updated_at\r\n";
const MB = 1024 * 1024;

/** Samples the server's RSS until `until` settles; the highest value seen. */
async function peakRssDuring<T>(until: Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = serverRss();
  const timer = setInterval(() => {
    peak = Math.max(peak, serverRss());
  }, 25);
  try {
    const value = await until;
    return { value, peak: Math.max(peak, serverRss()) };
  } finally {
    clearInterval(timer);
  }
}

/** Probes the server (logged out) again and again until `until` settles: how many answered first, and the slowest. */
async function probeWhile(baseURL: string, until: Promise<unknown>): Promise<{ answered: number; slowestMs: number }> {
  let done = false;
  void until.finally(() => (done = true));
  let answered = 0;
  let slowestMs = 0;
  while (!done) {
    slowestMs = Math.max(slowestMs, await probeLatency(baseURL));
    if (!done) answered++;
  }
  return { answered, slowestMs };
}

type TAnswer = { status: number; json: { dryRun?: boolean; error?: { problems: { message: string }[] } } };

/**
 * A dry-run HTML import as the logged-in page's user, sent with node's own http client: the body streams from
 * this process without blocking it, so the probes sent meanwhile measure the server, not this test.
 */
async function importHtml(page: Page, baseURL: string, html: string): Promise<TAnswer> {
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const boundary = `----attack${Date.now()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="page.html"\r\nContent-Type: text/html\r\n\r\n`),
    Buffer.from(html),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const url = new URL("/api/import/articles?dryRun=1", baseURL);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        method: "POST",
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        headers: {
          cookie,
          origin: baseURL,
          "content-type": `multipart/form-data; boundary=${boundary}`,
          "content-length": String(body.byteLength),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function serverAlive(): boolean {
  try {
    process.kill(Number(process.env.E2E_SERVER_PID), 0);
    return true;
  } catch {
    return false;
  }
}

test.describe("attack: imports", () => {
  test.setTimeout(180_000);

  test("an 18 MB, million-row CSV dry run is refused as JSON and the server's memory stays bounded", async ({ page, baseURL }) => {
    await login(page, "ben@example.com");
    const body = Buffer.from(CSV_HEADER + "a,,,,,,,,,,,,,,,\r\n".repeat(1_000_000));
    expect(body.byteLength).toBeGreaterThan(17 * MB);
    const before = serverRss();
    const { value: res, peak } = await peakRssDuring(
      page.request.post("/api/import/annotations?dryRun=1", {
        headers: { "content-type": "text/csv", origin: baseURL! },
        data: body,
        timeout: 120_000,
      }),
    );
    expect(res.status()).toBe(413);
    expect(res.headers()["content-type"]).toMatch(/application\/json/);
    const answer = await res.json();
    expect(answer.error.message).toContain("more than 100,000 annotations");
    expect((await res.body()).byteLength).toBeLessThan(50 * 1024);
    expect(peak - before).toBeLessThan(400 * MB);
    expect(serverAlive()).toBe(true);
  });

  test("other requests are answered while HTML files are imported, and the server stays up", async ({ page, baseURL }) => {
    await login(page, "ben@example.com");

    // Over the HTML file limit: refused without being converted.
    const huge = importHtml(page, baseURL!, "<p>Some words in a paragraph.</p>".repeat(Math.ceil((16 * MB) / 33)));
    const duringHuge = await probeWhile(baseURL!, huge);
    const hugeRes = await huge;
    expect(hugeRes.status).toBe(413);
    expect(hugeRes.json.error?.problems[0]?.message).toContain("5 MB");
    expect(duringHuge.slowestMs).toBeLessThan(2_000);

    // Just under the limit: converted in a worker thread for seconds, while the server keeps answering.
    // Markup-heavy, so its text stays under the article length limit.
    const paragraph = '<div class="story-paragraph"><span>word</span></div>';
    const large = importHtml(page, baseURL!, paragraph.repeat(Math.floor((4.9 * MB) / paragraph.length)));
    const duringLarge = await probeWhile(baseURL!, large);
    const largeRes = await large;
    expect(largeRes.status, JSON.stringify(largeRes.json)).toBe(200);
    expect(largeRes.json.dryRun).toBe(true);
    expect(duringLarge.answered).toBeGreaterThan(0);
    expect(duringLarge.slowestMs).toBeLessThan(2_000);

    // Deeply nested: refused before the recursive converter sees it.
    const deep = await importHtml(page, baseURL!, `${"<div>".repeat(100_000)}x${"</div>".repeat(100_000)}`);
    expect(deep.status).toBe(400);
    expect(deep.json.error?.problems[0]?.message).toContain("200 deep");

    expect(serverAlive()).toBe(true);
    expect((await page.request.get("/api/me")).status()).toBe(200);
  });
});
