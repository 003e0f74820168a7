import { describe, expect, it } from "vitest";
import type { TReplyResponse } from "@/app/api/annotations/[id]/replies/route.types";
import type { TReviewResponse } from "@/app/api/annotations/[id]/reviews/route.types";
import { threadItems } from "./thread-items";

const review = (id: string, createdAt: string): TReviewResponse => ({
  id,
  reviewer: { id: "u1", name: "Ben" },
  verdict: "agree",
  comment: "",
  suggestedTag: null,
  createdAt,
});
const reply = (id: string, createdAt: string): TReplyResponse => ({
  id,
  annotationId: "a1",
  author: { id: "u2", name: "Ana", email: "ana@example.com" },
  text: id,
  createdAt,
  updatedAt: createdAt,
});

describe("threadItems", () => {
  it("interleaves reviews and replies oldest first", () => {
    const items = threadItems(
      [review("r1", "2026-01-01T10:00:00.000Z"), review("r2", "2026-01-01T12:00:00.000Z")],
      [reply("p1", "2026-01-01T09:00:00.000Z"), reply("p2", "2026-01-01T11:00:00.000Z")],
    );
    expect(items.map((i) => i.id)).toEqual(["reply:p1", "review:r1", "reply:p2", "review:r2"]);
  });

  it("puts a review before a reply made in the same instant and keeps each list's order among equals", () => {
    const at = "2026-01-01T10:00:00.000Z";
    const items = threadItems([review("r1", at)], [reply("p1", at), reply("p2", at)]);
    expect(items.map((i) => i.id)).toEqual(["review:r1", "reply:p1", "reply:p2"]);
  });

  it("is empty when there is nothing to say", () => {
    expect(threadItems([], [])).toEqual([]);
  });
});
