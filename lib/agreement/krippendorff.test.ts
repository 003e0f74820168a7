import { describe, expect, it } from "vitest";
import { krippendorffAlphaNominal } from "./krippendorff";

describe("krippendorffAlphaNominal", () => {
  it("reproduces the reference case in metrics.md (Krippendorff 2011): 0.743", () => {
    const _ = null;
    const data = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    // By hand: unit 12 has one value and is dropped, leaving n = 40. Only units 2 (2,3,2,2), 6 (1,2,3,4) and
    // 8 (1,1,2,1) disagree: (16 − 10)/3 + (16 − 4)/3 + (16 − 10)/3 = 8. n_c = 9, 13, 10, 5, 3 for values 1..5,
    // Σ n_c² = 384, so alpha = 1 − 39 · 8 / (1600 − 384) = 1 − 312/1216 = 0.74342...
    const alpha = krippendorffAlphaNominal(data);
    expect(alpha).toBeCloseTo(1 - 312 / 1216, 12);
    expect(alpha).toBeCloseTo(0.7434, 4);
    expect(alpha!.toFixed(3)).toBe("0.743");
  });

  it("is 1 for perfect agreement with variation", () => {
    expect(
      krippendorffAlphaNominal([
        ["a", "b", "c", "a"],
        ["a", "b", "c", "a"],
        ["a", "b", "c", "a"],
      ]),
    ).toBe(1);
  });

  it("is negative for systematic disagreement", () => {
    // Every unit a/b: observed Σ = 4 units × 2 = 8, n = 8, n_a = n_b = 4: 1 − 7·8/(64 − 32) = −0.75.
    expect(
      krippendorffAlphaNominal([
        ["a", "b", "a", "b"],
        ["b", "a", "b", "a"],
      ]),
    ).toBe(-0.75);
  });

  it("handles missing values and drops units with a single value", () => {
    // Units (a,a) (a,b) (b,b); the fourth has one value. n = 6, observed Σ = 2, n_a = n_b = 3:
    // 1 − 5·2/(36 − 18) = 4/9.
    const withLoneValue = krippendorffAlphaNominal([
      ["a", "a", "b", null],
      ["a", "b", "b", "b"],
    ]);
    expect(withLoneValue).toBeCloseTo(4 / 9, 12);
    expect(krippendorffAlphaNominal([["a", "a", "b"], ["a", "b", "b"]])).toBeCloseTo(4 / 9, 12);
  });

  it("treats short rows as missing values at the end", () => {
    expect(krippendorffAlphaNominal([["a", "a", "b"], ["a", "b", "b", "b"]])).toBeCloseTo(4 / 9, 12);
  });

  it("weights units by 1/(m − 1) when the number of values differs", () => {
    // Unit 1: (a,a,b), m = 3: (9 − 5)/2 = 2. Unit 2: (b,b), 0. n = 5, n_a = 2, n_b = 3:
    // 1 − 4·2/(25 − 13) = 1/3.
    expect(
      krippendorffAlphaNominal([
        ["a", "b"],
        ["a", "b"],
        ["b", null],
      ]),
    ).toBeCloseTo(1 / 3, 12);
  });

  it("is null with fewer than two observers", () => {
    expect(krippendorffAlphaNominal([])).toBeNull();
    expect(krippendorffAlphaNominal([["a", "b", "a"]])).toBeNull();
  });

  it("is null when no unit has two values", () => {
    expect(
      krippendorffAlphaNominal([
        ["a", null],
        [null, "b"],
      ]),
    ).toBeNull();
    expect(krippendorffAlphaNominal([[], []])).toBeNull();
  });

  it("is null, not 1, when every value is the same (expected disagreement 0)", () => {
    expect(
      krippendorffAlphaNominal([
        ["none", "none", "none"],
        ["none", "none", "none"],
      ]),
    ).toBeNull();
  });

  it("tells the number 1 and the string '1' apart", () => {
    // Every unit disagrees: observed Σ = 2 + 2 = 4, n = 4, two categories of 2: 1 − 3·4/8 = −0.5.
    expect(krippendorffAlphaNominal([[1, "1"], ["1", 1]])).toBe(-0.5);
  });
});
