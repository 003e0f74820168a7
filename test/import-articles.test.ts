import { beforeAll, describe, expect, it } from "vitest";
import * as importArticlesRoute from "@/app/api/import/articles/route";
import { bodyHash } from "@/lib/articles/body-hash";
import { getDb } from "@/lib/db/client";
import { MAX_IMPORT_BYTES } from "@/lib/import/limits";
import { postImport, type TUpload } from "@/test/support/import-requests";
import { seedFixtures, type TestUser } from "./helpers";

let fx: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  fx = await seedFixtures();
});

const PATH = "/api/import/articles";
const upload = (user: TestUser | undefined, files: TUpload[], fields: Record<string, string> = {}, query?: string) =>
  postImport(importArticlesRoute, PATH, { user, files, fields, query });
const articleCount = () => getDb().article.count({ where: { teamId: fx.teamId } });

describe("POST /api/import/articles: text files", () => {
  it("imports a .txt file byte for byte with the form's metadata, and records an audit event", async () => {
    const body = "Line one, “curly” — 😀\r\nLine two\ttabbed\n\n  indented third paragraph  \n";
    const r = await upload(fx.users.ana, [{ name: "city-hall.txt", text: body, type: "text/plain" }], {
      title: "City hall budget",
      outlet: "The Daily",
      author: "Jo Reporter",
      url: "https://daily.example/budget",
      publishedAt: "2026-11-20",
      storyId: fx.storyId,
    });
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ dryRun: false, duplicates: [], storiesCreated: [] });
    expect(r.json.created).toEqual([
      { id: expect.any(String), title: "City hall budget", bodyLength: Array.from(body).length, source: { file: "city-hall.txt" } },
    ]);
    const article = await getDb().article.findUniqueOrThrow({ where: { id: r.json.created[0].id } });
    expect(article).toMatchObject({
      teamId: fx.teamId,
      body,
      bodyHash: bodyHash(body),
      outlet: "The Daily",
      author: "Jo Reporter",
      url: "https://daily.example/budget",
      publishedAt: "2026-11-20",
      storyId: fx.storyId,
      createdById: fx.users.ana.id,
    });
    const audit = await getDb().auditEvent.findFirst({ where: { entityId: article.id, action: "article.import" } });
    expect(audit?.actorId).toBe(fx.users.ana.id);
    const summary = await getDb().auditEvent.findFirst({ where: { action: "import.articles" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(summary!.after!)).toMatchObject({ label: "city-hall.txt", created: 1, duplicates: 0 });
  });

  it("names a Markdown article after its first heading and keeps the Markdown text as it is", async () => {
    const text = "Intro line\n\n# Council votes *no*\n\nBody with [a link](https://x.example).\n";
    const r = await upload(fx.users.ben, [{ name: "notes.md", text }]);
    expect(r.status).toBe(201);
    expect(r.json.created[0].title).toBe("Council votes *no*");
    expect((await getDb().article.findUniqueOrThrow({ where: { id: r.json.created[0].id } })).body).toBe(text);
  });

  it("reduces HTML to text: paragraphs kept as blank-line separated blocks, scripts and page furniture dropped", async () => {
    const html = `<!doctype html><html><head><title>Mayor &amp; council</title><style>p{color:red}</style>
      <script>document.cookie="stolen"</script></head><body><nav><a href="/">Home</a></nav>
      <article><h1>Mayor   resigns</h1><p>First <b>paragraph</b> with a <a href="https://x.example">link</a>,
      wrapped.</p><p onclick="alert(1)">“Second” &mdash; 😀<br>after a break</p>
      <script>alert("xss")</script><img src=x onerror="alert(2)"><iframe src="https://evil.example"></iframe>
      <div>A div paragraph</div><ul><li>one</li><li>two</li></ul></article><footer>© footer</footer></body></html>`;
    const r = await upload(fx.users.ana, [{ name: "mayor.html", text: html, type: "text/html" }]);
    expect(r.status).toBe(201);
    expect(r.json.created[0].title).toBe("Mayor & council");
    const { body } = await getDb().article.findUniqueOrThrow({ where: { id: r.json.created[0].id } });
    expect(body).toBe(
      "Mayor resigns\n\nFirst paragraph with a link, wrapped.\n\n“Second” — 😀\nafter a break\n\nA div paragraph\n\n• one\n• two",
    );
    for (const gone of ["<", "alert", "cookie", "Home", "footer", "color:red", "evil"]) expect(body).not.toContain(gone);
  });

  it("names several files after themselves and reports a title given for more than one (nothing imported)", async () => {
    const files = [
      { name: "first_story-draft.txt", text: "First text of several." },
      { name: "second.txt", text: "Second text of several." },
    ];
    const before = await articleCount();
    const refused = await upload(fx.users.ana, files, { title: "One title" });
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: "IMPORT_REJECTED" });
    expect(refused.json.error.problems).toEqual([{ field: "title", message: expect.stringContaining("single file") }]);
    expect(await articleCount()).toBe(before);
    const r = await upload(fx.users.ana, files, { outlet: "Wire" });
    expect(r.status).toBe(201);
    expect(r.json.created.map((c: { title: string }) => c.title)).toEqual(["first story draft", "second"]);
  });

  it("reports a duplicate (same text in the team) instead of creating it again: 200 when nothing is new", async () => {
    const seed = fx.articles[0]!;
    const before = await articleCount();
    const r = await upload(fx.users.ana, [{ name: "again.txt", text: seed.body }]);
    expect(r.status).toBe(200);
    expect(r.json.created).toEqual([]);
    expect(r.json.duplicates).toEqual([
      { title: "again", source: { file: "again.txt" }, existing: { id: seed.id, title: seed.title }, earlierInImport: null },
    ]);
    expect(await articleCount()).toBe(before);
    // Another team may have the same text.
    const other = await upload(fx.users.olga, [{ name: "again.txt", text: seed.body }]);
    expect(other.status).toBe(201);
  });

  it("refuses an article over 1,000,000 code points with 413, counting emoji as one", async () => {
    const fits = "😀".repeat(1_000_000);
    const ok = await upload(fx.users.ana, [{ name: "max.txt", text: fits }]);
    expect(ok.status).toBe(201);
    const r = await upload(fx.users.ana, [{ name: "huge.txt", text: `${fits}!` }]);
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe("TOO_LARGE");
    expect(r.json.error.problems).toEqual([
      { file: "huge.txt", field: "body", message: "is longer than 1,000,000 characters" },
    ]);
  });

  it("refuses an upload over the size limit with 413 before reading it all", async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    const r = await upload(fx.users.ana, [{ name: "big.txt", text: big }]);
    expect(r.status).toBe(413);
    expect(r.json.error).toMatchObject({ code: "TOO_LARGE", field: "file" });
    expect(r.json.error.message).toContain("25 MB");
    // The same without a Content-Length (a streamed body): counted while reading.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 30; i++) controller.enqueue(new Uint8Array(1024 * 1024).fill(0x61));
        controller.close();
      },
    });
    const streamed = await importArticlesRoute.POST(
      new Request(`http://localhost:3000${PATH}`, {
        method: "POST",
        headers: { "content-type": "text/plain", cookie: await (await import("./helpers")).sessionCookie(fx.users.ana) },
        body: stream,
        duplex: "half",
      } as RequestInit),
      { params: Promise.resolve({}) },
    );
    expect(streamed.status).toBe(413);
  });

  it.each([
    ["not UTF-8", { name: "latin1.txt", text: new Uint8Array([0x63, 0x61, 0x66, 0xe9]) }, "is not UTF-8 text"],
    ["an unsupported type", { name: "paper.pdf", text: "%PDF-1.4" }, "is not a supported file type"],
    ["an empty text", { name: "blank.txt", text: "  \n\t" }, "must contain some text"],
  ])("refuses %s with 400 and the file named", async (_name, file, message) => {
    const r = await upload(fx.users.ana, [file as TUpload]);
    expect(r.status).toBe(400);
    expect(r.json.error.problems[0]).toMatchObject({ file: file.name, message: expect.stringContaining(message) });
  });

  it("refuses an empty form, annotators (403), other origins (403) and anonymous callers (401)", async () => {
    const empty = await upload(fx.users.ana, []);
    expect(empty.status).toBe(400);
    expect(empty.json.error.field).toBe("file");
    const annotator = await upload(fx.users.cara, [{ name: "a.txt", text: "Some text." }]);
    expect(annotator.status).toBe(403);
    expect(annotator.json.error.code).toBe("FORBIDDEN");
    const cross = await postImport(importArticlesRoute, PATH, {
      user: fx.users.ana,
      files: [{ name: "a.txt", text: "Some text." }],
      headers: { origin: "https://evil.example" },
    });
    expect(cross.status).toBe(403);
    expect(cross.json.error.code).toBe("CROSS_ORIGIN");
    expect((await upload(undefined, [{ name: "a.txt", text: "Some text." }])).status).toBe(401);
  });

  it("dryRun=1 reports what would happen and writes nothing", async () => {
    const before = await articleCount();
    const r = await upload(fx.users.ana, [{ name: "dry.txt", text: "A dry run text." }], { story: "Brand new story" }, "dryRun=1");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ dryRun: true, created: [{ id: null, title: "dry" }], storiesCreated: ["Brand new story"] });
    expect(await articleCount()).toBe(before);
    expect(await getDb().story.count({ where: { title: "Brand new story" } })).toBe(0);
  });
});

describe("POST /api/import/articles: bulk JSON and CSV", () => {
  it("imports a JSON array sent as the body, creating a story named by title once", async () => {
    const r = await postImport(importArticlesRoute, PATH, {
      user: fx.users.admin,
      raw: {
        type: "application/json",
        body: JSON.stringify([
          { title: "Bulk one", body: "Bulk body one.", outlet: "Wire", story: "Bulk story", publishedAt: "2026-01" },
          { title: "Bulk two", body: "Bulk body two.\r\n", story: { id: "elsewhere", title: "Bulk story" }, storyId: "elsewhere" },
          { title: "Bulk three", body: "Bulk body three.", storyId: fx.storyId, unknownKey: "ignored" },
        ]),
      },
    });
    expect(r.status).toBe(201);
    expect(r.json.storiesCreated).toEqual(["Bulk story"]);
    expect(r.json.created.map((c: { source: unknown }) => c.source)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
    const rows = await getDb().article.findMany({ where: { title: { startsWith: "Bulk " } }, include: { story: true }, orderBy: { title: "asc" } });
    expect(rows.map((a) => [a.title, a.story?.title, a.publishedAt])).toEqual([
      ["Bulk one", "Bulk story", "2026-01"],
      ["Bulk three", "Volt Typhoon admission, April 2025", null],
      ["Bulk two", "Bulk story", null],
    ]);
    expect(rows.find((a) => a.title === "Bulk two")?.body).toBe("Bulk body two.\r\n");
  });

  it("imports a CSV file of articles with quoted multi-line bodies; {articles: [...]} JSON works too", async () => {
    const csv =
      "Title,Body,Outlet,Published_At,Story\r\n" +
      '"CSV one","First line\r\n\r\nSecond paragraph, with ""quotes""",Wire,2026-02-03,\r\n' +
      "CSV two,Plain body,,,CSV story\r\n";
    const r = await upload(fx.users.ana, [
      { name: "articles.csv", text: csv, type: "text/csv" },
      { name: "more.json", text: JSON.stringify({ articles: [{ title: "JSON wrapped", body: "Wrapped body." }] }) },
    ]);
    expect(r.status).toBe(201);
    expect(r.json.created.map((c: { title: string; source: unknown }) => [c.title, c.source])).toEqual([
      ["CSV one", { file: "articles.csv", line: 2 }],
      ["CSV two", { file: "articles.csv", line: 5 }],
      ["JSON wrapped", { file: "more.json", item: 1 }],
    ]);
    const one = await getDb().article.findFirstOrThrow({ where: { title: "CSV one" } });
    expect(one).toMatchObject({ body: 'First line\r\n\r\nSecond paragraph, with "quotes"', outlet: "Wire", publishedAt: "2026-02-03", storyId: null });
  });

  it("imports nothing from a bad file and lists every problem with its line number", async () => {
    const csv =
      "title,body,url,published_at\n" +
      'Good one,"A good body\nover two lines",https://ok.example,2026-01-01\n' +
      ",Body without a title,,\n" +
      "Bad url,Some body,javascript:alert(1),\n" +
      "Bad date,Another body,,2026-13-45\n" +
      `Duplicate of seed,"${fx.articles[0]!.body.slice(0, 20)}",,\n`;
    const before = await articleCount();
    const r = await upload(fx.users.ana, [{ name: "bad.csv", text: csv }]);
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe("IMPORT_REJECTED");
    expect(r.json.error.message).toMatch(/^Nothing was imported \(3 problems\): bad\.csv, line 4: title: /);
    expect(r.json.error.problems).toEqual([
      { file: "bad.csv", line: 4, field: "title", message: "is required" },
      { file: "bad.csv", line: 5, field: "url", message: "must be an http(s) URL" },
      { file: "bad.csv", line: 6, field: "publishedAt", message: "is not a real date" },
    ]);
    expect(await articleCount()).toBe(before);
  });

  it("reports a bad header, bad JSON and entries that are not objects", async () => {
    const header = await upload(fx.users.ana, [{ name: "h.csv", text: "title,text,colour\nA,B,C\n" }]);
    expect(header.status).toBe(400);
    expect(header.json.error.problems).toEqual([
      { file: "h.csv", line: 1, message: expect.stringContaining('unknown column "text", "colour"') },
      { file: "h.csv", line: 1, field: "body", message: "the header has no body column." },
    ]);
    const json = await upload(fx.users.ana, [{ name: "a.json", text: '[{"title": "x", "body": "y"},' }]);
    expect(json.json.error.problems[0]).toMatchObject({ file: "a.json", field: "file", message: expect.stringContaining("is not valid JSON") });
    const shape = await upload(fx.users.ana, [{ name: "b.json", text: '[{"title": "ok", "body": "fine"}, 42, {"title": "x"}]' }]);
    expect(shape.json.error.problems).toEqual([
      { file: "b.json", item: 2, message: "must be an object with title and body." },
      { file: "b.json", item: 3, field: "body", message: expect.any(String) },
    ]);
    const object = await upload(fx.users.ana, [{ name: "c.json", text: '{"title": "x"}' }]);
    expect(object.json.error.problems[0].message).toContain("must be a JSON array of articles");
  });

  it("reports duplicates inside one import, and another team's story id", async () => {
    const r = await upload(fx.users.ana, [
      { name: "d.json", text: JSON.stringify([{ title: "Twice A", body: "Same words." }, { title: "Twice B", body: "Same words." }]) },
    ]);
    expect(r.status).toBe(201);
    expect(r.json.created).toHaveLength(1);
    expect(r.json.duplicates).toEqual([
      { title: "Twice B", source: { file: "d.json", item: 2 }, existing: null, earlierInImport: { file: "d.json", item: 1, title: "Twice A" } },
    ]);
    const story = await getDb().story.create({ data: { teamId: fx.otherTeamId, title: "Their story" } });
    const foreign = await upload(fx.users.ana, [{ name: "e.json", text: JSON.stringify([{ title: "T", body: "Foreign story.", storyId: story.id }]) }]);
    expect(foreign.status).toBe(400);
    expect(foreign.json.error.problems).toEqual([{ file: "e.json", item: 1, field: "storyId", message: "no such story in your team." }]);
  });

  it("refuses a body it cannot read (400 UNSUPPORTED_FORMAT)", async () => {
    const r = await postImport(importArticlesRoute, PATH, { user: fx.users.ana, raw: { type: "application/pdf", body: "%PDF" } });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: "UNSUPPORTED_FORMAT", field: "file" });
  });
});
