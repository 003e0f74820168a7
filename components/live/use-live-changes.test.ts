import { describe, expect, it } from "vitest";
import { touchesArticle } from "./use-live-changes";

describe("touchesArticle", () => {
  it("is true for annotation and review changes on the article, and for a resync", () => {
    expect(touchesArticle({ kind: "annotation", articleId: "a" }, "a")).toBe(true);
    expect(touchesArticle({ kind: "review", articleId: "a", annotationId: "n" }, "a")).toBe(true);
    expect(touchesArticle({ kind: "resync" }, "a")).toBe(true);
  });

  it("is false for other articles and for changes that leave annotations and scores alone", () => {
    expect(touchesArticle({ kind: "annotation", articleId: "b" }, "a")).toBe(false);
    expect(touchesArticle({ kind: "reply", articleId: "a", annotationId: "n" }, "a")).toBe(false);
    expect(touchesArticle({ kind: "notification" }, "a")).toBe(false);
  });
});
