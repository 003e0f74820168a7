import { describe, expect, it } from "vitest";
import { coalesce } from "./coalesce";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("coalesce", () => {
  it("runs once for a burst, then once more for what came during the run", async () => {
    const finishers: (() => void)[] = [];
    let runs = 0;
    const trigger = coalesce(() => {
      runs++;
      return new Promise<void>((resolve) => finishers.push(resolve));
    });
    trigger();
    trigger();
    trigger();
    expect(runs).toBe(1);
    finishers[0]!();
    await tick();
    expect(runs).toBe(2);
    finishers[1]!();
    await tick();
    expect(runs).toBe(2);
    trigger();
    expect(runs).toBe(3);
  });

  it("a failed run does not stop the next", async () => {
    let runs = 0;
    const trigger = coalesce(async () => {
      runs++;
      throw new Error("offline");
    });
    trigger();
    await tick();
    trigger();
    await tick();
    expect(runs).toBe(2);
  });
});
