import { describe, expect, it, vi } from "vitest";
import type { TFeedSignal } from "./change-feed";
import { MemoryFeed } from "./memory-feed";

describe("the in-process change feed", () => {
  it("delivers after the publisher's turn, to every subscriber until it unsubscribes", async () => {
    const feed = new MemoryFeed();
    const a: TFeedSignal[] = [];
    const b: TFeedSignal[] = [];
    await feed.subscribe((s) => a.push(s));
    const stopB = await feed.subscribe((s) => b.push(s));
    await feed.publish({ teamId: "t", kind: "annotation" });
    expect(a).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(a).toEqual([{ type: "change", message: { teamId: "t", kind: "annotation" } }]);
    expect(b).toEqual(a);
    stopB();
    await feed.publish({ teamId: "t", kind: "review" });
    await new Promise((resolve) => setImmediate(resolve));
    expect(a).toHaveLength(2);
    expect(b).toHaveLength(1);
  });

  it("a throwing subscriber neither reaches the publisher nor stops the others", async () => {
    const feed = new MemoryFeed();
    const heard: TFeedSignal[] = [];
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await feed.subscribe(() => {
      throw new Error("boom");
    });
    await feed.subscribe((s) => heard.push(s));
    await expect(feed.publish({ teamId: "t", kind: "annotation" })).resolves.toBeUndefined();
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toHaveLength(1);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});
