// Failed-login throttling per account and per client address, with exponential backoff.
// In memory: the app runs as one process on one machine (SQLite); a restart forgets the counters.

export const FREE_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;
const MAX_LOCK_MS = 15 * 60 * 1000;

type Entry = { failures: number; firstAt: number; lockedUntil: number };

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds until these keys may try again (0 = allowed now). */
  retryAfter(keys: string[]): number {
    const t = this.now();
    return Math.max(0, ...keys.map((k) => (this.entries.get(k)?.lockedUntil ?? 0) - t));
  }

  fail(keys: string[]): void {
    const t = this.now();
    for (const key of keys) {
      const e = this.entries.get(key);
      const entry = e && t - e.firstAt < WINDOW_MS ? e : { failures: 0, firstAt: t, lockedUntil: 0 };
      entry.failures += 1;
      if (entry.failures >= FREE_FAILURES) {
        // 1 s after the 5th failure, then 2, 4, 8 … up to 15 minutes.
        entry.lockedUntil = t + Math.min(MAX_LOCK_MS, 1000 * 2 ** (entry.failures - FREE_FAILURES));
      }
      this.entries.set(key, entry);
    }
    if (this.entries.size > 100_000) this.prune(t);
  }

  succeed(keys: string[]): void {
    for (const key of keys) this.entries.delete(key);
  }

  private prune(t: number): void {
    for (const [k, e] of this.entries) if (t - e.firstAt > WINDOW_MS && e.lockedUntil < t) this.entries.delete(k);
  }
}

export function throttleKeys(email: string, address: string): string[] {
  return [`account:${email.trim().toLowerCase()}`, `address:${address}`];
}

const globalForThrottle = globalThis as unknown as { __loginThrottle?: LoginThrottle };
export const loginThrottle = (globalForThrottle.__loginThrottle ??= new LoginThrottle());
