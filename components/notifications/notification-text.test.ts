import { describe, expect, it } from "vitest";
import { notificationSentence, threadLink, unreadBadge } from "./notification-text";

describe("notificationSentence", () => {
  it("says who did what for each kind", () => {
    const actor = { id: "u1", name: "Ana Annotator" };
    expect(notificationSentence({ kind: "mention", actor })).toEqual({ who: "Ana Annotator", did: "mentioned you" });
    expect(notificationSentence({ kind: "reply", actor })).toEqual({ who: "Ana Annotator", did: "replied" });
    expect(notificationSentence({ kind: "verdict", actor })).toEqual({ who: "Ana Annotator", did: "reviewed your annotation" });
  });

  it("names someone when the teammate is gone", () => {
    expect(notificationSentence({ kind: "reply", actor: null }).who).toBe("Someone");
  });
});

describe("threadLink", () => {
  it("points at the passage with its thread open, ids encoded", () => {
    expect(threadLink({ articleId: "art1", annotationId: "ann 1&x" })).toBe("/articles/art1?annotation=ann+1%26x&thread=1");
  });
});

describe("unreadBadge", () => {
  it("shows nothing at zero, the count up to 99, then 99+", () => {
    expect(unreadBadge(null)).toBeNull();
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(3)).toBe("3");
    expect(unreadBadge(99)).toBe("99");
    expect(unreadBadge(100)).toBe("99+");
  });
});
