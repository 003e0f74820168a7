import { expect, test, type APIRequestContext } from "@playwright/test";
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

function importHtml(request: APIRequestContext, baseURL: string, html: string) {
  return request.post("/api/import/articles?dryRun=1", {
    headers: { origin: baseURL },
    multipart: { file: { name: "page.html", mimeType: "text/html", buffer: Buffer.from(html) } },
    timeout: 120_000,
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
    const huge = importHtml(page.request, baseURL!, "<p>Some words in a paragraph.</p>".repeat(Math.ceil((16 * MB) / 33)));
    const duringHuge = await probeWhile(baseURL!, huge);
    const hugeRes = await huge;
    expect(hugeRes.status()).toBe(413);
    expect((await hugeRes.json()).error.problems[0].message).toContain("5 MB");
    expect(duringHuge.slowestMs).toBeLessThan(2_000);

    // Just under the limit: converted in a worker thread for seconds, while the server keeps answering.
    const large = importHtml(page.request, baseURL!, "<p>Some words in a paragraph.</p>".repeat(Math.floor((4.9 * MB) / 33)));
    const duringLarge = await probeWhile(baseURL!, large);
    const largeRes = await large;
    expect(largeRes.status(), await largeRes.text()).toBe(200);
    expect((await largeRes.json()).dryRun).toBe(true);
    expect(duringLarge.answered).toBeGreaterThan(0);
    expect(duringLarge.slowestMs).toBeLessThan(2_000);

    // Deeply nested: refused before the recursive converter sees it.
    const deep = await importHtml(page.request, baseURL!, `${"<div>".repeat(100_000)}x${"</div>".repeat(100_000)}`);
    expect(deep.status()).toBe(400);
    expect((await deep.json()).error.problems[0].message).toContain("200 deep");

    expect(serverAlive()).toBe(true);
    expect((await page.request.get("/api/me")).status()).toBe(200);
  });
});
