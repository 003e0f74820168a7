import { authOptions } from "@/lib/auth";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddress } from "./client-address";
import { KNOWN_DEVICE_COOKIE, knownDeviceCookieHeader, knownDeviceFor, newDeviceId, signKnownDevice } from "./known-device";
import { beginLoginAttempt } from "./login-attempt";
import { normalizeEmail } from "./login-throttle";
import { callNextAuth, type TNextAuthCall } from "./next-auth-call";

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", "Too many failed attempts. Try again later.");
    this.name = "RateLimitedError";
  }
}

// A success is the one answer that sets the session cookie (possibly chunked: name.0, name.1 …).
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?=[^;]/;
const loggedIn = (res: Response) => res.headers.getSetCookie().some((c) => SESSION_COOKIE.test(c));

/**
 * next-auth's credentials callback behind the login throttle: the attempt is charged before next-auth checks the
 * password and refunded only on success, which also marks the browser as a known device of the account.
 */
export async function loginWithCredentials(req: Request, call: TNextAuthCall & { body: Record<string, string> }, secure: boolean) {
  const secret = env("NEXTAUTH_SECRET") ?? "";
  const email = normalizeEmail(call.body.email ?? "");
  const deviceId = knownDeviceFor(call.cookies[KNOWN_DEVICE_COOKIE], email, secret);
  const gate = await beginLoginAttempt({ email, address: clientAddress(req), deviceId });
  if (!gate.allowed) throw new RateLimitedError(Math.ceil(gate.retryAfterMs / 1000));
  const res = await callNextAuth(authOptions, call);
  if (loggedIn(res)) {
    await gate.succeeded();
    res.headers.append("set-cookie", knownDeviceCookieHeader(signKnownDevice(deviceId ?? newDeviceId(), email, secret), secure));
  }
  return res;
}
