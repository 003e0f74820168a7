import { describe, expect, it } from "vitest";
import {
  ANNO_CONTEXT,
  articleIdFromIri,
  articleIri,
  formatIssuePath,
  fromAnnotationCollection,
  JsonLdImportError,
  toAnnotationCollection,
  type TJsonLdAnnotationInput,
} from "./jsonld";

function annotation(overrides: Partial<TJsonLdAnnotationInput> = {}): TJsonLdAnnotationInput {
  return {
    id: "ann_1",
    articleId: "art_1",
    start: 4,
    end: 9,
    quote: "quick",
    prefix: "The ",
    suffix: " brown fox",
    tag: "opinion",
    note: "",
    author: { name: "Alice", email: "alice@example.org" },
    status: "accepted",
    agreeCount: 2,
    disagreeCount: 1,
    createdAt: new Date("2026-11-25T10:00:00.000Z"),
    updatedAt: new Date("2026-11-25T11:00:00.000Z"),
    ...overrides,
  };
}

const collectionId = "https://annotator.example/api/export/annotations.jsonld?articleId=art_1";

function collection(items: TJsonLdAnnotationInput[] = [annotation()]) {
  return toAnnotationCollection({ id: collectionId, label: "Export", items });
}

/** The collection as it travels: through JSON text, so nothing but JSON survives. */
function overTheWire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function importError(json: unknown): JsonLdImportError {
  try {
    fromAnnotationCollection(json);
  } catch (error) {
    if (error instanceof JsonLdImportError) return error;
    throw error;
  }
  throw new Error("expected the import to fail");
}

describe("toAnnotationCollection", () => {
  it("produces an AnnotationCollection with its items embedded in the first page", () => {
    const result = collection([annotation(), annotation({ id: "ann_2" })]);
    expect(result).toMatchObject({
      "@context": ANNO_CONTEXT,
      id: collectionId,
      type: "AnnotationCollection",
      label: "Export",
      total: 2,
      first: { id: `${collectionId}#page1`, type: "AnnotationPage", startIndex: 0 },
      last: `${collectionId}#page1`,
    });
    expect(result.first.items).toHaveLength(2);
  });

  it("describes each annotation in the Web Annotation model, with both selectors", () => {
    const [item] = collection([annotation({ note: "Unnamed \"official\" 😀" })]).first.items;
    expect(item).toEqual({
      id: "https://annotator.example/api/annotations/ann_1",
      type: "Annotation",
      created: "2026-11-25T10:00:00.000Z",
      modified: "2026-11-25T11:00:00.000Z",
      creator: { type: "Person", name: "Alice", email: "mailto:alice@example.org" },
      body: [
        { type: "TextualBody", purpose: "tagging", value: "opinion" },
        { type: "TextualBody", purpose: "commenting", value: "Unnamed \"official\" 😀", format: "text/plain" },
      ],
      target: {
        source: "https://annotator.example/api/articles/art_1",
        selector: [
          { type: "TextQuoteSelector", exact: "quick", prefix: "The ", suffix: " brown fox" },
          { type: "TextPositionSelector", start: 4, end: 9 },
        ],
      },
      "schema:creativeWorkStatus": "accepted",
      "schema:interactionStatistic": [
        {
          type: "schema:InteractionCounter",
          "schema:interactionType": { id: "schema:AgreeAction" },
          "schema:userInteractionCount": 2,
        },
        {
          type: "schema:InteractionCounter",
          "schema:interactionType": { id: "schema:DisagreeAction" },
          "schema:userInteractionCount": 1,
        },
      ],
    });
  });

  it("has no commenting body when there is no note", () => {
    const [item] = collection().first.items;
    expect(item?.body).toEqual([{ type: "TextualBody", purpose: "tagging", value: "opinion" }]);
  });

  it("uses baseUrl for annotation and article IRIs, escaping ids", () => {
    const result = toAnnotationCollection({
      id: "urn:example:export-1",
      baseUrl: "https://annotator.example/app/",
      items: [annotation({ id: "a/b c", articleId: "x?y" })],
    });
    expect(result.first.id).toBe("urn:example:export-1#page1");
    expect(result.first.items[0]?.id).toBe("https://annotator.example/app/api/annotations/a%2Fb%20c");
    expect(result.first.items[0]?.target).toMatchObject({ source: "https://annotator.example/app/api/articles/x%3Fy" });
  });

  it("refuses a collection id without an origin unless baseUrl is given", () => {
    expect(() => toAnnotationCollection({ id: "urn:example:1", items: [] })).toThrow(/baseUrl is required/);
  });

  it("still has a first page when there is nothing to export", () => {
    const result = collection([]);
    expect(result.total).toBe(0);
    expect(result.first.items).toEqual([]);
    expect(fromAnnotationCollection(overTheWire(result))).toEqual([]);
  });
});

describe("fromAnnotationCollection", () => {
  it("round-trips what toAnnotationCollection wrote", () => {
    const items = [
      annotation(),
      annotation({
        id: "ann_2",
        articleId: "art/2",
        start: 0,
        end: 2,
        quote: "😀\n",
        prefix: "",
        suffix: "“tail”",
        tag: "anonymous-source",
        note: "line one\r\nline two",
        author: { name: "Bob", email: "bob@example.org" },
      }),
    ];
    const records = fromAnnotationCollection(overTheWire(collection(items)));
    expect(records).toEqual(
      items.map((item) => ({
        id: `https://annotator.example/api/annotations/${encodeURIComponent(item.id)}`,
        articleRef: articleIri("https://annotator.example", item.articleId),
        start: item.start,
        end: item.end,
        exact: item.quote,
        prefix: item.prefix,
        suffix: item.suffix,
        tag: item.tag,
        note: item.note,
        creatorEmail: item.author.email,
        created: item.createdAt,
      })),
    );
    expect(records.map((record) => articleIdFromIri(record.articleRef))).toEqual(["art_1", "art/2"]);
  });

  it("accepts the shapes the model allows: single body and selector, extra selectors, context array", () => {
    const json = {
      "@context": ["http://www.w3.org/ns/anno.jsonld", { ex: "https://example.org/ns#" }],
      type: "AnnotationCollection",
      first: {
        type: "AnnotationPage",
        items: [
          {
            type: "Annotation",
            body: { type: "TextualBody", purpose: "tagging", value: "official-statement" },
            target: {
              source: "https://elsewhere.example/article/7",
              selector: [
                { type: "CssSelector", value: "#main" },
                { type: "TextPositionSelector", start: 1, end: 3 },
                { type: "TextQuoteSelector", exact: "ab" },
              ],
            },
          },
        ],
      },
    };
    expect(fromAnnotationCollection(json)).toEqual([
      {
        id: null,
        articleRef: "https://elsewhere.example/article/7",
        start: 1,
        end: 3,
        exact: "ab",
        prefix: "",
        suffix: "",
        tag: "official-statement",
        note: "",
        creatorEmail: null,
        created: null,
      },
    ]);
    expect(articleIdFromIri("https://elsewhere.example/article/7")).toBeNull();
  });

  it("rejects something that is not a collection, saying what is wrong", () => {
    expect(importError({ type: "Annotation" }).issues).toEqual(
      expect.arrayContaining([
        { path: "@context", message: expect.stringContaining(ANNO_CONTEXT) },
        { path: "type", message: 'must be "AnnotationCollection"' },
        { path: "first", message: expect.stringContaining("is missing") },
      ]),
    );
    expect(importError(null).message).toMatch(/^Not a valid Web Annotation collection: \(document\)/);
    expect(importError("[]").issues[0]?.path).toBe("(document)");
  });

  it("rejects a collection whose page is only linked, or which has more pages", () => {
    const linked = { ...collection(), first: "https://annotator.example/page1" };
    expect(importError(overTheWire(linked)).issues).toEqual([
      { path: "first", message: expect.stringContaining("a link to a page cannot be followed") },
    ]);
    const paged = collection();
    const next = { ...paged, first: { ...paged.first, next: "https://annotator.example/page2" } };
    expect(importError(overTheWire(next)).issues).toEqual([
      { path: "first.next", message: expect.stringContaining("multi-page collections are not supported") },
    ]);
  });

  it("rejects a total that does not match the items", () => {
    const wrong = { ...collection(), total: 5 };
    expect(importError(overTheWire(wrong)).issues).toEqual([
      { path: "total", message: "is 5 but the first page holds 1 annotations" },
    ]);
  });

  describe("rejects an invalid annotation with the path to the problem", () => {
    function withItem(edit: (item: Record<string, unknown>) => void): unknown {
      const json = overTheWire(collection([annotation(), annotation()])) as {
        first: { items: Record<string, unknown>[] };
      };
      const second = json.first.items[1];
      if (second === undefined) throw new Error("fixture has two items");
      edit(second);
      return json;
    }

    it.each([
      [
        "a missing TextPositionSelector",
        (item: Record<string, unknown>) => {
          item.target = { source: "https://a.example/x", selector: { type: "TextQuoteSelector", exact: "x" } };
        },
        { path: "first.items[1].target.selector", message: "needs a TextPositionSelector" },
      ],
      [
        "a missing TextQuoteSelector",
        (item: Record<string, unknown>) => {
          item.target = { source: "https://a.example/x", selector: { type: "TextPositionSelector", start: 0, end: 1 } };
        },
        { path: "first.items[1].target.selector", message: "needs a TextQuoteSelector" },
      ],
      [
        "start not before end",
        (item: Record<string, unknown>) => {
          item.target = {
            source: "https://a.example/x",
            selector: [
              { type: "TextQuoteSelector", exact: "x" },
              { type: "TextPositionSelector", start: 5, end: 5 },
            ],
          };
        },
        { path: "first.items[1].target.selector[1].end", message: "end must be greater than start" },
      ],
      [
        "a fractional offset",
        (item: Record<string, unknown>) => {
          item.target = {
            source: "https://a.example/x",
            selector: [
              { type: "TextPositionSelector", start: 1.5, end: 5 },
              { type: "TextQuoteSelector", exact: "x" },
            ],
          };
        },
        { path: "first.items[1].target.selector[0].start", message: "must be a non-negative integer" },
      ],
      [
        "an unknown tag",
        (item: Record<string, unknown>) => {
          item.body = [{ type: "TextualBody", purpose: "tagging", value: "propaganda" }];
        },
        {
          path: "first.items[1].body[0].value",
          message: 'tag must be one of anonymous-source, official-statement, opinion (got "propaganda")',
        },
      ],
      [
        "no tag at all",
        (item: Record<string, unknown>) => {
          item.body = { type: "TextualBody", purpose: "commenting", value: "just a note" };
        },
        { path: "first.items[1].body", message: 'needs exactly one body with purpose "tagging" (found 0)' },
      ],
      [
        "a bad creator email",
        (item: Record<string, unknown>) => {
          item.creator = { type: "Person", name: "X", email: "mailto:not-an-address" };
        },
        { path: "first.items[1].creator.email", message: "must be an email address (mailto: IRI)" },
      ],
      [
        "a bad created date",
        (item: Record<string, unknown>) => {
          item.created = "yesterday";
        },
        { path: "first.items[1].created", message: "must be an ISO 8601 date-time" },
      ],
      [
        "the wrong type",
        (item: Record<string, unknown>) => {
          item.type = "Note";
        },
        { path: "first.items[1].type", message: 'must be "Annotation"' },
      ],
    ])("%s", (_name, edit, issue) => {
      const error = importError(withItem(edit));
      expect(error.issues).toEqual([issue]);
      expect(error.message).toBe(`Not a valid Web Annotation collection: ${issue.path}: ${issue.message}`);
    });

    it("reports a page without items without crashing", () => {
      const json = overTheWire(collection()) as { first: Record<string, unknown> };
      delete json.first.items;
      expect(importError(json).issues).toEqual([
        { path: "first.items", message: "must be an array of annotations" },
      ]);
    });
  });
});

describe("formatIssuePath", () => {
  it("writes paths the way they read in the JSON", () => {
    expect(formatIssuePath(["first", "items", 3, "target", "selector", 1, "start"])).toBe(
      "first.items[3].target.selector[1].start",
    );
    expect(formatIssuePath([])).toBe("(document)");
    expect(formatIssuePath([0, "a"])).toBe("[0].a");
  });
});

describe("articleIdFromIri", () => {
  it("reads back the id articleIri wrote, and nothing else", () => {
    expect(articleIdFromIri(articleIri("https://a.example/", "c1 x/y"))).toBe("c1 x/y");
    expect(articleIdFromIri("https://a.example/api/articles/a%E0%A4%A")).toBeNull();
    expect(articleIdFromIri("https://a.example/api/articles/")).toBeNull();
  });
});
