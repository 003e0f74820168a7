import { dbThrottleStore, type TLoginThrottleStore } from "./login-throttle-store";
import { accountKey, ACCOUNT_POLICY, addressKey, ADDRESS_POLICY, deviceKey, type TThrottleKey } from "./login-throttle";

/**
 * Who is trying: the account's email, the client's address when a trusted proxy tells it (without one every client
 * looks the same, and an address counter would let one person lock everybody out), and the device id of a valid
 * known-device cookie for this account.
 */
export type TLoginAttempt = { email: string; address: string | null; deviceId: string | null };

export type TLoginGate = { allowed: false; retryAfterMs: number } | { allowed: true; succeeded(): Promise<void> };

function plan(attempt: TLoginAttempt): { charge: TThrottleKey[]; clear: string[]; refund: TThrottleKey[] } {
  if (attempt.deviceId) {
    // The owner's own browser: only its own counter, never the ones strangers can fill.
    const device = deviceKey(attempt.deviceId);
    return { charge: [{ key: device, policy: ACCOUNT_POLICY }], clear: [device], refund: [] };
  }
  const account = { key: accountKey(attempt.email), policy: ACCOUNT_POLICY };
  const address = attempt.address ? [{ key: addressKey(attempt.address), policy: ADDRESS_POLICY }] : [];
  // A success forgets the account's failures but only refunds its own charge to the address: logging in to one's own
  // account must not wipe out the failures one caused on others.
  return { charge: [account, ...address], clear: [account.key], refund: address };
}

/** Charges the attempt before its password is checked; a refused attempt never reaches the password check. */
export async function beginLoginAttempt(
  attempt: TLoginAttempt,
  store: TLoginThrottleStore = dbThrottleStore,
  now: () => Date = () => new Date(),
): Promise<TLoginGate> {
  const keys = plan(attempt);
  const result = await store.charge(keys.charge, now());
  if (!result.allowed) return result;
  return { allowed: true, succeeded: () => store.settle(keys.clear, keys.refund, now()) };
}
