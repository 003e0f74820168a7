import { describe, expect, it } from "vitest";
import { KeyedTurns } from "./keyed-turns";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("KeyedTurns", () => {
  it("lets one holder per key in at a time, in order of arrival; other keys do not wait", async () => {
    const turns = new KeyedTurns();
    const log: string[] = [];
    const hold = async (key: string, name: string, release: Promise<void>) => {
      const leave = await turns.enter(key);
      log.push(`${name} in`);
      await release;
      log.push(`${name} out`);
      leave();
    };
    let openA!: () => void;
    const a = hold("x", "a", new Promise((r) => (openA = r)));
    const b = hold("x", "b", Promise.resolve());
    const c = hold("x", "c", Promise.resolve());
    const d = hold("y", "d", Promise.resolve());
    await tick();
    expect(log).toEqual(["a in", "d in", "d out"]);
    openA();
    await Promise.all([a, b, c, d]);
    expect(log).toEqual(["a in", "d in", "d out", "a out", "b in", "b out", "c in", "c out"]);
    expect(turns.size).toBe(0);
  });

  it("a holder that leaves twice lets only the next one in", async () => {
    const turns = new KeyedTurns();
    const first = await turns.enter("k");
    let secondIn = false;
    let thirdIn = false;
    const second = turns.enter("k").then((leave) => ((secondIn = true), leave));
    const third = turns.enter("k").then((leave) => ((thirdIn = true), leave));
    first();
    first();
    await tick();
    expect([secondIn, thirdIn]).toEqual([true, false]);
    (await second)();
    (await third)();
    expect(turns.size).toBe(0);
  });
});
