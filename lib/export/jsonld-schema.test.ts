import { describe, expect, it } from "vitest";
import { annotationCollectionSchema } from "./jsonld-schema";

function collectionWith(item: Record<string, unknown>, context: unknown = "http://www.w3.org/ns/anno.jsonld") {
  return { "@context": context, type: "AnnotationCollection", first: { type: "AnnotationPage", items: [item] } };
}

const target = {
  source: "https://a.example/api/articles/1",
  selector: [
    { type: "TextQuoteSelector", exact: "ab", prefix: "x", suffix: "y" },
    { type: "TextPositionSelector", start: 0, end: 2 },
  ],
};
const tagBody = { type: "TextualBody", purpose: "tagging", value: "opinion" };

function issues(json: unknown) {
  const result = annotationCollectionSchema.safeParse(json);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

describe("annotationCollectionSchema", () => {
  it("accepts the https spelling of the context and a context array", () => {
    const item = { type: "Annotation", body: tagBody, target };
    expect(issues(collectionWith(item, "https://www.w3.org/ns/anno.jsonld"))).toEqual([]);
    expect(issues(collectionWith(item, [{ ex: "https://e.example/#" }, "http://www.w3.org/ns/anno.jsonld"]))).toEqual(
      [],
    );
    expect(issues(collectionWith(item, "https://schema.org/"))).toEqual([
      { path: ["@context"], message: 'must be or include "http://www.w3.org/ns/anno.jsonld"' },
    ]);
  });

  it("takes a single body or selector as well as arrays, defaulting a missing prefix or suffix to empty", () => {
    const result = annotationCollectionSchema.parse(
      collectionWith({
        type: "Annotation",
        body: tagBody,
        target: {
          source: "https://a.example/1",
          selector: [
            { type: "TextQuoteSelector", exact: "z" },
            { type: "TextPositionSelector", start: 3, end: 4 },
          ],
        },
      }),
    );
    expect(result.first.items[0]?.body).toEqual({ tag: "opinion", note: "" });
    expect(result.first.items[0]?.target.quote).toEqual({ type: "TextQuoteSelector", exact: "z", prefix: "", suffix: "" });

    const single = collectionWith({
      type: "Annotation",
      body: tagBody,
      target: { source: "https://a.example/1", selector: { type: "TextQuoteSelector", exact: "z" } },
    });
    expect(issues(single)).toEqual([
      { path: ["first", "items", 0, "target", "selector"], message: "needs a TextPositionSelector" },
    ]);
  });

  it("ignores IRI bodies and bodies with other purposes, but takes the note from the commenting body", () => {
    const result = annotationCollectionSchema.parse(
      collectionWith({
        type: "Annotation",
        body: [
          "https://a.example/linked-body",
          { type: "TextualBody", purpose: "describing", value: "ignored" },
          { type: "TextualBody", purpose: "commenting", value: "the note" },
          tagBody,
        ],
        target,
      }),
    );
    expect(result.first.items[0]?.body).toEqual({ tag: "opinion", note: "the note" });
  });

  it("refuses two tags, two notes or a note that is not text", () => {
    const twoTags = collectionWith({ type: "Annotation", body: [tagBody, tagBody], target });
    expect(issues(twoTags)).toEqual([
      { path: ["first", "items", 0, "body"], message: 'needs exactly one body with purpose "tagging" (found 2)' },
    ]);
    const comment = { type: "TextualBody", purpose: "commenting", value: "n" };
    const twoNotes = collectionWith({ type: "Annotation", body: [tagBody, comment, comment], target });
    expect(issues(twoNotes)).toEqual([
      { path: ["first", "items", 0, "body"], message: 'has 2 "commenting" bodies; at most one is allowed' },
    ]);
    const numberNote = collectionWith({ type: "Annotation", body: [tagBody, { ...comment, value: 7 }], target });
    expect(issues(numberNote)).toEqual([
      { path: ["first", "items", 0, "body", 1, "value"], message: "the note must be a string" },
    ]);
  });

  it("takes a creator given only as an IRI, and strips mailto: from an email", () => {
    const byIri = annotationCollectionSchema.parse(
      collectionWith({ type: "Annotation", creator: "https://a.example/users/1", body: tagBody, target }),
    );
    expect(byIri.first.items[0]?.creator).toBe("https://a.example/users/1");
    const byEmail = annotationCollectionSchema.parse(
      collectionWith({ type: "Annotation", creator: { email: "MAILTO:b@a.example" }, body: tagBody, target }),
    );
    expect(byEmail.first.items[0]?.creator).toEqual({ email: "b@a.example" });
  });

  it("reports every broken selector field at its own path", () => {
    const broken = collectionWith({
      type: "Annotation",
      body: tagBody,
      target: {
        source: "https://a.example/1",
        selector: [
          { type: "TextPositionSelector", start: -1, end: "4" },
          { type: "TextQuoteSelector", exact: "" },
        ],
      },
    });
    expect(issues(broken)).toEqual([
      { path: ["first", "items", 0, "target", "selector", 1, "exact"], message: "exact must not be empty" },
      { path: ["first", "items", 0, "target", "selector", 0, "start"], message: "must be a non-negative integer" },
      { path: ["first", "items", 0, "target", "selector", 0, "end"], message: "must be a non-negative integer" },
    ]);
  });
});
