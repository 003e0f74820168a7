import { beforeEach, describe, expect, it } from "vitest";
import { cachedSuggestions, clearSuggestionCache, suggestionCacheSize } from "./cache";
import { suggestSpans } from "./suggest";

describe("cachedSuggestions", () => {
  beforeEach(() => clearSuggestionCache());

  it("returns the detector's suggestions, computed once per body", () => {
    const body = "Officials said the plan would fail. The FBI said in December that it disagreed.";
    const first = cachedSuggestions(body);
    expect(first).toEqual(suggestSpans(body));
    expect(cachedSuggestions(body)).toBe(first);
    expect(suggestionCacheSize()).toBe(1);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("keys by body, so an edited body is analysed again", () => {
    const a = cachedSuggestions("Officials said so.");
    const b = cachedSuggestions("Officials said so. The council should resign.");
    expect(b).not.toBe(a);
    expect(suggestionCacheSize()).toBe(2);
  });
});
