import { describe, expect, it } from "vitest";
import { htmlTitle, htmlToPlainText } from "./html-text";

describe("htmlToPlainText", () => {
  it("keeps paragraphs as blank-line separated blocks and line breaks as newlines", () => {
    expect(htmlToPlainText("<p>One\n  two</p><p>Three<br>four</p><div>Five</div><div><div>Six</div></div>")).toBe(
      "One two\n\nThree\nfour\n\nFive\n\nSix",
    );
  });

  it("takes the article when the page marks one, else the body", () => {
    expect(htmlToPlainText("<body><p>Menu</p><article><p>Story</p></article></body>")).toBe("Story");
    expect(htmlToPlainText("<body><p>Menu</p><main><p>Main story</p></main></body>")).toBe("Main story");
    expect(htmlToPlainText("<p>No body tag</p>")).toBe("No body tag");
  });

  it("drops scripts, styles, forms, embeds, navigation and images; keeps link text without the URL", () => {
    const html =
      '<nav>Nav</nav><style>p{}</style><script>alert(1)</script><noscript>ns</noscript><form><input value="v"><button>Go</button></form>' +
      '<iframe src="x">frame</iframe><svg><text>svg</text></svg><img alt="alt" src="x" onerror="alert(2)">' +
      '<p>Read <a href="javascript:alert(3)">this</a>.</p><aside>Aside</aside><footer>Footer</footer>';
    expect(htmlToPlainText(html)).toBe("Read this.");
  });

  it("decodes entities and keeps non-ASCII text exact", () => {
    expect(htmlToPlainText("<p>&ldquo;Caf&eacute;&rdquo; &amp; &#x1F600; &lt;b&gt; — 日本</p>")).toBe("“Café” & 😀 <b> — 日本");
  });

  it("keeps headings in their case and lists as items", () => {
    expect(htmlToPlainText("<h2>Mixed Case</h2><ul><li>a</li><li>b</li></ul><blockquote>q</blockquote>")).toBe(
      "Mixed Case\n\n• a\n• b\n\nq",
    );
  });

  it("survives malformed markup", () => {
    expect(htmlToPlainText("<p>unclosed <b>bold<p>next</i></div>")).toBe("unclosed bold\n\nnext");
    expect(htmlToPlainText("")).toBe("");
  });
});

describe("htmlTitle", () => {
  it("is the <title>, else the first <h1>, else null", () => {
    expect(htmlTitle("<title> A &amp; B </title><h1>H</h1>")).toBe("A & B");
    expect(htmlTitle("<h1>The <em>headline</em></h1><h1>Second</h1>")).toBe("The headline");
    expect(htmlTitle("<p>none</p>")).toBeNull();
  });
});
