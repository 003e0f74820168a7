import { describe, expect, it } from "vitest";
import { ImportBudget } from "./budget";

function busy(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe("ImportBudget", () => {
  it("hands the event loop to others while a long import is paced", async () => {
    const budget = new ImportBudget();
    let othersRan = 0;
    const other = setInterval(() => othersRan++, 0);
    for (let i = 0; i < 2_000; i++) {
      busy(0.05);
      await budget.pace();
    }
    clearInterval(other);
    expect(othersRan).toBeGreaterThan(0);
  });

  it("refuses an import that has run past its time with a 422 the client can show", () => {
    expect(() => new ImportBudget(-1).checkDeadline()).toThrow(expect.objectContaining({ status: 422, code: "TOO_SLOW" }));
  });
});
