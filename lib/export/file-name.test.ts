import { describe, expect, it } from "vitest";
import { asciiSlug, contentDisposition, exportFileName } from "./file-name";

const date = new Date("2026-11-25T23:30:00.000Z");

describe("exportFileName", () => {
  it("names the file after the article, dated in UTC", () => {
    expect(exportFileName({ articleTitle: "City Hall: the 2027 budget!", date })).toBe(
      "annotations-city-hall-the-2027-budget-2026-11-25.csv",
    );
  });

  it("prefers the article title to the story title, and falls back to the story", () => {
    expect(exportFileName({ articleTitle: "Article", storyTitle: "Story", date })).toBe(
      "annotations-article-2026-11-25.csv",
    );
    expect(exportFileName({ storyTitle: "Story", date })).toBe("annotations-story-2026-11-25.csv");
    expect(exportFileName({ articleTitle: "😀😀", storyTitle: "Story", date })).toBe(
      "annotations-story-2026-11-25.csv",
    );
  });

  it("starts with what the file holds", () => {
    expect(exportFileName({ articleTitle: "Article", date, kind: "discussion" })).toBe("discussion-article-2026-11-25.csv");
    expect(exportFileName({ date, kind: "discussion" })).toBe("discussion-2026-11-25.csv");
  });

  it("has no slug when there is no usable title", () => {
    expect(exportFileName({ date })).toBe("annotations-2026-11-25.csv");
    expect(exportFileName({ articleTitle: "«»—", date })).toBe("annotations-2026-11-25.csv");
  });

  it("supports the JSON-LD extension", () => {
    expect(exportFileName({ date, extension: "jsonld" })).toBe("annotations-2026-11-25.jsonld");
  });

  it("is always safe ASCII", () => {
    const name = exportFileName({ articleTitle: '../../etc/passwd "x" \r\nSet-Cookie: a=b', date });
    expect(name).toMatch(/^[a-z0-9.-]+$/);
    expect(name).toBe("annotations-etc-passwd-x-set-cookie-a-b-2026-11-25.csv");
  });
});

describe("asciiSlug", () => {
  it("folds accents and letters NFKD leaves alone", () => {
    expect(asciiSlug("Żółć über Straße, Ærø ﬁnal")).toBe("zolc-uber-strasse-aero-final");
  });

  it("cuts long titles at a word boundary", () => {
    const slug = asciiSlug("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug.endsWith("word")).toBe(true);
  });
});

describe("contentDisposition", () => {
  it("gives an attachment with both filename and filename*", () => {
    expect(contentDisposition("annotations-2026-11-25.csv")).toBe(
      `attachment; filename="annotations-2026-11-25.csv"; filename*=UTF-8''annotations-2026-11-25.csv`,
    );
  });

  it("keeps non-ASCII names exact in filename* and readable in the ASCII fallback", () => {
    expect(contentDisposition("Über café 😀.csv")).toBe(
      `attachment; filename="Uber cafe _.csv"; filename*=UTF-8''%C3%9Cber%20caf%C3%A9%20%F0%9F%98%80.csv`,
    );
  });

  it("cannot break out of the header or the quoted string", () => {
    const value = contentDisposition('a"b\\c%41\r\nSet-Cookie: x=1\'(*).csv');
    expect(value).not.toMatch(/[\r\n]/);
    expect(value).toBe(
      `attachment; filename="a_b_c_41__Set-Cookie: x=1'(*).csv"; ` +
        `filename*=UTF-8''a%22b%5Cc%2541%0D%0ASet-Cookie%3A%20x%3D1%27%28%2A%29.csv`,
    );
  });

  it("survives a lone surrogate", () => {
    expect(contentDisposition("a\uD800b.csv")).toBe(
      `attachment; filename="a_b.csv"; filename*=UTF-8''a%EF%BF%BDb.csv`,
    );
  });
});
