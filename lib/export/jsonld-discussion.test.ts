import { describe, expect, it } from "vitest";
import type { TDiscussion } from "@/lib/discussion/find-discussions";
import { fromAnnotationCollection, readAnnotationCollection, toAnnotationCollection, type TJsonLdAnnotationInput } from "./jsonld";
import { isDiscussionEntry } from "./jsonld-discussion";

function annotation(id: string, discussion?: TDiscussion): TJsonLdAnnotationInput {
  return {
    id,
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
    agreeCount: 1,
    disagreeCount: 1,
    createdAt: new Date("2026-11-25T10:00:00.000Z"),
    updatedAt: new Date("2026-11-25T11:00:00.000Z"),
    ...(discussion ? { discussion } : {}),
  };
}

const THREAD: TDiscussion = {
  replies: [
    {
      id: "r/1",
      author: { name: "Ben", email: "ben@example.org" },
      text: "Is this =really= opinion?",
      createdAt: new Date("2026-11-25T12:00:00.000Z"),
      updatedAt: new Date("2026-11-25T12:30:00.000Z"),
    },
  ],
  reviews: [
    { id: "v1", reviewer: { name: "Cara", email: "cara@example.org" }, verdict: "agree", comment: "", givenAt: new Date("2026-11-25T13:00:00.000Z") },
    { id: "v2", reviewer: { name: "Dan", email: "dan@example.org" }, verdict: "disagree", comment: "reported speech", givenAt: new Date("2026-11-25T14:00:00.000Z") },
  ],
};

const collectionOf = (items: TJsonLdAnnotationInput[]) =>
  toAnnotationCollection({ id: "https://annotator.example/api/export/annotations.jsonld", items });

describe("a thread in the JSON-LD export", () => {
  it("follows its annotation: replies as replying, reviews as assessing, each targeting the annotation", () => {
    const result = collectionOf([annotation("a1", THREAD), annotation("a2")]);
    const iri = "https://annotator.example/api/annotations/a1";
    expect(result.total).toBe(5);
    expect(result.first.items.map((item) => item.id)).toEqual([
      iri,
      `${iri}/replies#r%2F1`,
      `${iri}/reviews#v1`,
      `${iri}/reviews#v2`,
      "https://annotator.example/api/annotations/a2",
    ]);
    expect(result.first.items[1]).toEqual({
      id: `${iri}/replies#r%2F1`,
      type: "Annotation",
      motivation: "replying",
      created: "2026-11-25T12:00:00.000Z",
      modified: "2026-11-25T12:30:00.000Z",
      creator: { type: "Person", name: "Ben", email: "mailto:ben@example.org" },
      body: { type: "TextualBody", value: "Is this =really= opinion?", format: "text/plain" },
      target: iri,
    });
    expect(result.first.items[2]).toMatchObject({
      motivation: "assessing",
      creator: { name: "Cara", email: "mailto:cara@example.org" },
      body: [{ type: "TextualBody", purpose: "assessing", value: "agree" }],
      target: iri,
    });
    expect(result.first.items[3]).toMatchObject({
      motivation: "assessing",
      created: "2026-11-25T14:00:00.000Z",
      body: [
        { type: "TextualBody", purpose: "assessing", value: "disagree" },
        { type: "TextualBody", purpose: "commenting", value: "reported speech", format: "text/plain" },
      ],
    });
  });

  it("is skipped by the import, which reads the same annotations as without it", () => {
    const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
    const withThreads = wire(collectionOf([annotation("a1", THREAD), annotation("a2", THREAD)]));
    const without = wire(collectionOf([annotation("a1"), annotation("a2")]));
    expect(fromAnnotationCollection(withThreads)).toEqual(fromAnnotationCollection(without));
    const read = readAnnotationCollection(withThreads);
    if (!read.ok) throw new Error("expected a readable collection");
    expect(read.count).toBe(2);
    // Item numbers stay those of the file, so a problem is reported where it is.
    expect([...read.items].map((item) => item.index)).toEqual([0, 4]);
  });

  it("tells replies and assessments from annotations by their motivation", () => {
    expect(isDiscussionEntry({ motivation: "replying" })).toBe(true);
    expect(isDiscussionEntry({ motivation: ["assessing", "commenting"] })).toBe(true);
    expect(isDiscussionEntry({ motivation: "tagging" })).toBe(false);
    expect(isDiscussionEntry({ type: "Annotation" })).toBe(false);
    expect(isDiscussionEntry("replying")).toBe(false);
    expect(isDiscussionEntry(null)).toBe(false);
  });
});
