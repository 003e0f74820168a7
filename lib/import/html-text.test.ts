import { describe, expect, it } from "vitest";
import { htmlToText, type THtmlText } from "./html-text";
import { MAX_HTML_DEPTH } from "./limits";

async function convertOne(html: string): Promise<Exclude<THtmlText, { problem: string }>> {
  const [result] = await htmlToText([html]);
  if (!result || "problem" in result) throw new Error(`not converted: ${JSON.stringify(result)}`);
  return result;
}
const htmlToPlainText = async (html: string) => (await convertOne(html)).text;
const htmlTitle = async (html: string) => (await convertOne(html)).title;
const nested = (depth: number) => `${"<div>".repeat(depth)}deep${"</div>".repeat(depth)}`;

describe("htmlToPlainText", () => {
  it("keeps paragraphs as blank-line separated blocks and line breaks as newlines", async () => {
    expect(await htmlToPlainText("<p>One\n  two</p><p>Three<br>four</p><div>Five</div><div><div>Six</div></div>")).toBe(
      "One two\n\nThree\nfour\n\nFive\n\nSix",
    );
  });

  it("takes the article when the page marks one, else the body", async () => {
    expect(await htmlToPlainText("<body><p>Menu</p><article><p>Story</p></article></body>")).toBe("Story");
    expect(await htmlToPlainText("<body><p>Menu</p><main><p>Main story</p></main></body>")).toBe("Main story");
    expect(await htmlToPlainText("<p>No body tag</p>")).toBe("No body tag");
  });

  it("drops scripts, styles, forms, embeds, navigation and images; keeps link text without the URL", async () => {
    const html =
      '<nav>Nav</nav><style>p{}</style><script>alert(1)</script><noscript>ns</noscript><form><input value="v"><button>Go</button></form>' +
      '<iframe src="x">frame</iframe><svg><text>svg</text></svg><img alt="alt" src="x" onerror="alert(2)">' +
      '<p>Read <a href="javascript:alert(3)">this</a>.</p><aside>Aside</aside><footer>Footer</footer>';
    expect(await htmlToPlainText(html)).toBe("Read this.");
  });

  it("decodes entities and keeps non-ASCII text exact", async () => {
    expect(await htmlToPlainText("<p>&ldquo;Caf&eacute;&rdquo; &amp; &#x1F600; &lt;b&gt; — 日本</p>")).toBe("“Café” & 😀 <b> — 日本");
  });

  it("keeps headings in their case and lists as items", async () => {
    expect(await htmlToPlainText("<h2>Mixed Case</h2><ul><li>a</li><li>b</li></ul><blockquote>q</blockquote>")).toBe(
      "Mixed Case\n\n• a\n• b\n\nq",
    );
  });

  it("survives malformed markup", async () => {
    expect(await htmlToPlainText("<p>unclosed <b>bold<p>next</i></div>")).toBe("unclosed bold\n\nnext");
    expect(await htmlToPlainText("")).toBe("");
  });
});

describe("htmlTitle", () => {
  it("is the <title>, else the first <h1>, else null", async () => {
    expect(await htmlTitle("<title> A &amp; B </title><h1>H</h1>")).toBe("A & B");
    expect(await htmlTitle("<h1>The <em>headline</em></h1><h1>Second</h1>")).toBe("The headline");
    expect(await htmlTitle("<p>none</p>")).toBeNull();
  });
});

describe("bounds", () => {
  it("converts pages nested up to the limit, and refuses deeper ones without converting them", async () => {
    expect(await htmlToPlainText(nested(MAX_HTML_DEPTH))).toBe("deep");
    // Deep enough to overflow the stack of html-to-text's recursive converter.
    expect(await htmlToText([nested(MAX_HTML_DEPTH + 1), nested(10_000), "<p>fine</p>"])).toEqual([
      { problem: "tooDeep" },
      { problem: "tooDeep" },
      { text: "fine", title: null },
    ]);
  });

  it("counts implied closes and void elements as a browser would: a long flat page is not deep", async () => {
    const flat = "<p>para<br><img src=x>".repeat(5_000);
    expect((await htmlToPlainText(flat)).split("\n\n")).toHaveLength(5_000);
  });

  it("stops a conversion that runs past its time or memory, and says which", async () => {
    const page = "<p>Some words in a paragraph.</p>".repeat(20_000);
    await expect(htmlToText([page], { timeoutMs: 1, memoryMb: 384 })).rejects.toMatchObject({ reason: "timeout" });
    await expect(htmlToText([page.repeat(20)], { timeoutMs: 60_000, memoryMb: 8 })).rejects.toMatchObject({ reason: "memory" });
  });
});
