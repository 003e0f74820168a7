import { describe, expect, it } from "vitest";
import { FREE_FAILURES, LoginThrottle, throttleKeys } from "./login-throttle";

describe("LoginThrottle", () => {
  it("allows a few failures, then backs off exponentially, per account and per address", () => {
    let now = 0;
    const t = new LoginThrottle(() => now);
    const keys = throttleKeys("Ana@Example.com ", "10.0.0.1");
    for (let i = 0; i < FREE_FAILURES - 1; i++) t.fail(keys);
    expect(t.retryAfter(keys)).toBe(0);
    t.fail(keys);
    expect(t.retryAfter(keys)).toBe(1000);
    now += 1000;
    expect(t.retryAfter(keys)).toBe(0);
    t.fail(keys);
    expect(t.retryAfter(keys)).toBe(2000);
    t.fail(keys);
    expect(t.retryAfter(keys)).toBe(4000);
    // Another address trying the same account is blocked too; the same address for another account as well.
    expect(t.retryAfter(throttleKeys("ana@example.com", "10.9.9.9"))).toBe(4000);
    expect(t.retryAfter(throttleKeys("ben@example.com", "10.0.0.1"))).toBe(4000);
    expect(t.retryAfter(throttleKeys("ben@example.com", "10.9.9.9"))).toBe(0);
  });

  it("caps the lock at 15 minutes and forgets after success", () => {
    const t = new LoginThrottle(() => 0);
    const keys = throttleKeys("x@example.com", "1.1.1.1");
    for (let i = 0; i < 40; i++) t.fail(keys);
    expect(t.retryAfter(keys)).toBe(15 * 60 * 1000);
    t.succeed(keys);
    expect(t.retryAfter(keys)).toBe(0);
  });
});
