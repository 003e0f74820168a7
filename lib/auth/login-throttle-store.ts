import { db } from "@/lib/db/client";
import { lockKeys } from "@/lib/db/locks";
import { charged, FORGET_ROWS_AFTER_MS, refunded, retryAfterMs, type TThrottleKey, type TThrottleState } from "./login-throttle";

export type TChargeResult = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Where the counters live: shared by every app instance and kept across restarts. */
export type TLoginThrottleStore = {
  /** Atomically: if any key is locked, how long for (and nothing is charged); else one attempt charged to each. */
  charge(keys: TThrottleKey[], now: Date): Promise<TChargeResult>;
  /** After a success: `clear` keys are forgotten, `refund` keys get this attempt's charge back. */
  settle(clear: string[], refund: TThrottleKey[], now: Date): Promise<void>;
};

type TRow = TThrottleState & { key: string };

/**
 * The database store. Check and charge never interleave: on SQLite its transactions take the process's write lock and
 * the file has one writer; on PostgreSQL each transaction first locks its keys, so attempts on two instances queue.
 */
export const dbThrottleStore: TLoginThrottleStore = {
  async charge(keys, now) {
    return db.$transaction(async (tx) => {
      await lockKeys(tx, keys.map((k) => k.key));
      // Rows idle this long would be reset on their next use anyway: dropping them keeps the table small.
      await tx.loginThrottle.deleteMany({ where: { updatedAt: { lt: new Date(now.getTime() - FORGET_ROWS_AFTER_MS) } } });
      const rows: TRow[] = await tx.loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
      const byKey = new Map(rows.map((r) => [r.key, r]));
      const wait = Math.max(0, ...keys.map((k) => retryAfterMs(byKey.get(k.key) ?? null, now)));
      if (wait > 0) return { allowed: false, retryAfterMs: wait };
      for (const { key, policy } of keys) {
        const next = { ...charged(byKey.get(key) ?? null, policy, now), updatedAt: now };
        await tx.loginThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
      }
      return { allowed: true };
    });
  },

  async settle(clear, refund, now) {
    await db.$transaction(async (tx) => {
      await lockKeys(tx, [...clear, ...refund.map((k) => k.key)]);
      if (clear.length) await tx.loginThrottle.deleteMany({ where: { key: { in: clear } } });
      for (const { key, policy } of refund) {
        const row = await tx.loginThrottle.findUnique({ where: { key } });
        if (row) await tx.loginThrottle.update({ where: { key }, data: { ...refunded(row, policy), updatedAt: now } });
      }
    });
  },
};
