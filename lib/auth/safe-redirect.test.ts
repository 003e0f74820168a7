import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_LOGIN, safeRedirectPath, sameOriginUrl } from "./safe-redirect";

describe("safeRedirectPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeRedirectPath("/articles/abc?tab=2#x")).toBe("/articles/abc?tab=2#x");
    expect(safeRedirectPath("/review")).toBe("/review");
    expect(safeRedirectPath(["/scores", "/admin"])).toBe("/scores");
    expect(safeRedirectPath("/stories/a%20b")).toBe("/stories/a%20b");
  });

  it.each([
    ["protocol-relative", "//evil.example/"],
    ["backslash", "/\\evil.example/"],
    ["encoded backslash", "/%5Cevil.example/"],
    ["encoded lowercase backslash", "/%5cevil.example/"],
    ["encoded tab", "/%09/evil.example/"],
    ["raw tab", "/\t/evil.example/"],
    ["encoded newline", "/%0a/x"],
    ["raw newline", "/\n/evil.example"],
    ["encoded NUL", "/%00"],
    ["encoded slash pair", "/%2F/evil.example"],
    ["dot segments to a host", "/.//evil.example"],
    ["dot-dot segments to a host", "/a/..//evil.example"],
    ["absolute URL", "https://evil.example/"],
    ["scheme", "javascript:alert(1)"],
    ["relative", "articles"],
    ["broken escape", "/%E0%A4%A"],
    ["empty", ""],
    ["missing", undefined],
  ])("refuses %s", (_name, from) => {
    expect(safeRedirectPath(from)).toBe(DEFAULT_AFTER_LOGIN);
  });
});

describe("sameOriginUrl", () => {
  const base = "http://localhost:3000";
  it("allows this origin and paths, nothing else, and never throws", () => {
    expect(sameOriginUrl("/review?x=1", base)).toBe("http://localhost:3000/review?x=1");
    expect(sameOriginUrl("http://localhost:3000/scores", base)).toBe("http://localhost:3000/scores");
    expect(sameOriginUrl("http://localhost:3000.evil.example/", base)).toBe(base);
    expect(sameOriginUrl("https://evil.example/", base)).toBe(base);
    expect(sameOriginUrl("/%5Cevil.example/", base)).toBe(`${base}${DEFAULT_AFTER_LOGIN}`);
    expect(sameOriginUrl("http://localhost:3000//evil.example/", base)).toBe(`${base}${DEFAULT_AFTER_LOGIN}`);
    expect(sameOriginUrl("not a url", base)).toBe(base);
  });
});
