import { describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, charged, refunded, retryAfterMs, type TThrottleState } from "./login-throttle";

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms);
const MIN = 60_000;

function chargeN(n: number, state: TThrottleState | null, now: Date) {
  let s = state;
  for (let i = 0; i < n; i++) s = charged(s, ACCOUNT_POLICY, now);
  return s!;
}

describe("login throttle rules", () => {
  it("lets five attempts through, then locks for 30 s, 1 min, 2 min … up to 15 minutes", () => {
    const SEC = 1000;
    let s = chargeN(4, null, at(0));
    expect(retryAfterMs(s, at(0))).toBe(0);
    s = charged(s, ACCOUNT_POLICY, at(0));
    expect(retryAfterMs(s, at(0))).toBe(30 * SEC);
    s = charged(s, ACCOUNT_POLICY, at(30 * SEC));
    expect(retryAfterMs(s, at(30 * SEC))).toBe(60 * SEC);
    s = charged(s, ACCOUNT_POLICY, at(90 * SEC));
    expect(retryAfterMs(s, at(90 * SEC))).toBe(120 * SEC);
    s = chargeN(30, s, at(210 * SEC));
    expect(retryAfterMs(s, at(210 * SEC))).toBe(15 * MIN);
  });

  it("counts attempts in flight: the fifth charge locks before any password is checked", () => {
    const s = chargeN(5, null, at(0));
    expect(s.failures).toBe(5);
    expect(retryAfterMs(s, at(0))).toBeGreaterThan(0);
  });

  it("a success refunds its own charge only, and lifts only the lock that charge caused", () => {
    const afterFive = chargeN(5, null, at(0));
    expect(retryAfterMs(refunded(afterFive, ACCOUNT_POLICY), at(0))).toBe(0);
    expect(refunded(afterFive, ACCOUNT_POLICY).failures).toBe(4);
    const afterSeven = chargeN(7, null, at(0));
    expect(retryAfterMs(refunded(afterSeven, ACCOUNT_POLICY), at(0))).toBeGreaterThan(0);
  });

  it("forgets a key an hour after its last lock ended, never during a sustained attack", () => {
    let s = chargeN(12, null, at(0));
    const lockEnd = s.lockedUntil!.getTime() - at(0).getTime();
    // Trying again as soon as the lock ends keeps the count: the next lock is longer.
    s = charged(s, ACCOUNT_POLICY, at(lockEnd));
    expect(s.failures).toBe(13);
    const quietUntil = s.lockedUntil!.getTime() - at(0).getTime() + 61 * MIN;
    expect(charged(s, ACCOUNT_POLICY, at(quietUntil)).failures).toBe(1);
  });
});
