import { describe, expect, it } from "vitest";
import type { TReviewQueueItem, TReviewQueueResponse } from "@/app/api/review-queue/route.types";
import { initialQueue, queueReducer, type QueueState } from "./queue-store";

const item = (id: string) => ({ id }) as TReviewQueueItem;
const page = (ids: string[], remaining = ids.length): TReviewQueueResponse =>
  ({ items: ids.map(item), remaining, remainingAtLeast: false, nextCursor: null }) as TReviewQueueResponse;

function onItem(ids: string[], currentId: string): QueueState {
  return { ...queueReducer(initialQueue, { type: "loaded", page: page(ids) }), currentId };
}

describe("a refreshed review queue", () => {
  it("keeps the reader on their item, with the fresh list and count", () => {
    const next = queueReducer(onItem(["a", "b", "c"], "b"), { type: "refreshed", page: page(["b", "c", "d"], 3) });
    expect(next.items.map((i) => i.id)).toEqual(["b", "c", "d"]);
    expect(next.currentId).toBe("b");
    expect(next.remaining).toBe(3);
  });

  it("moves the reader to the next item still there when theirs left the list", () => {
    expect(queueReducer(onItem(["a", "b", "c", "d"], "b"), { type: "refreshed", page: page(["a", "d"]) }).currentId).toBe("d");
    expect(queueReducer(onItem(["a", "b", "c"], "c"), { type: "refreshed", page: page(["a", "b"]) }).currentId).toBe("b");
    expect(queueReducer(onItem(["a"], "a"), { type: "refreshed", page: page(["x"]) }).currentId).toBe("x");
    expect(queueReducer(onItem(["a"], "a"), { type: "refreshed", page: page([]) }).currentId).toBeNull();
  });

  it("is ignored while a new filter loads", () => {
    const loading = queueReducer(onItem(["a"], "a"), { type: "filtering" });
    expect(queueReducer(loading, { type: "refreshed", page: page(["z"]) })).toBe(loading);
  });
});
