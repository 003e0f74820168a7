// Failed-login throttling: the rules, apart from where the counters are kept (login-throttle-store.ts).
//
// Every attempt is charged before its password is checked and refunded only if it succeeds, so parallel guesses
// cannot all slip past a counter that has not been raised yet. Past the free failures each further attempt locks the
// key for twice as long as the last, up to a cap: a guesser gets a handful of tries, then about four an hour, while
// a user who mistyped five times waits half a minute (or logs in at once from a browser they used before). A key is forgotten once an hour has passed since both its first failure and the
// end of its last lock, so a sustained attack never earns a fresh allowance.

export type TThrottlePolicy = { freeFailures: number; baseLockMs: number; maxLockMs: number; forgetAfterMs: number };
export type TThrottleState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };
export type TThrottleKey = { key: string; policy: TThrottlePolicy };

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** One account from unknown devices, and one known device of an account: a person's own mistakes fit easily. */
export const ACCOUNT_POLICY: TThrottlePolicy = { freeFailures: 5, baseLockMs: 30 * SECOND, maxLockMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE };
/** One client address (only behind a trusted proxy): room for an office of people mistyping, not for spraying. */
export const ADDRESS_POLICY: TThrottlePolicy = { freeFailures: 50, baseLockMs: 30 * SECOND, maxLockMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE };

/** After this long without activity every key is forgotten anyway, so its row can go. */
export const FORGET_ROWS_AFTER_MS = Math.max(...[ACCOUNT_POLICY, ADDRESS_POLICY].map((p) => p.forgetAfterMs + p.maxLockMs));

export const accountKey = (email: string) => `account:${normalizeEmail(email)}`;
export const deviceKey = (deviceId: string) => `device:${deviceId}`;
export const addressKey = (address: string) => `address:${address}`;
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Milliseconds until this key may try again; 0 when it may now. */
export function retryAfterMs(state: TThrottleState | null, now: Date): number {
  return Math.max(0, (state?.lockedUntil?.getTime() ?? 0) - now.getTime());
}

function isForgotten(state: TThrottleState, policy: TThrottlePolicy, now: Date): boolean {
  const t = now.getTime();
  const lockEnd = state.lockedUntil?.getTime() ?? 0;
  return t - state.windowStartedAt.getTime() > policy.forgetAfterMs && t - lockEnd > policy.forgetAfterMs;
}

function lockFor(failures: number, policy: TThrottlePolicy, now: Date): Date | null {
  if (failures < policy.freeFailures) return null;
  const exponent = Math.min(failures - policy.freeFailures, 30);
  return new Date(now.getTime() + Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** exponent));
}

/** The key's state after one more attempt is charged to it (call only when it is not locked). */
export function charged(state: TThrottleState | null, policy: TThrottlePolicy, now: Date): TThrottleState {
  const base = state && !isForgotten(state, policy, now) ? state : { failures: 0, windowStartedAt: now, lockedUntil: null };
  const failures = base.failures + 1;
  return { failures, windowStartedAt: base.windowStartedAt, lockedUntil: lockFor(failures, policy, now) ?? base.lockedUntil };
}

/** The key's state after a successful attempt gives its charge back; a lock that charge caused is lifted. */
export function refunded(state: TThrottleState, policy: TThrottlePolicy): TThrottleState {
  const failures = Math.max(0, state.failures - 1);
  return { ...state, failures, lockedUntil: failures < policy.freeFailures ? null : state.lockedUntil };
}
