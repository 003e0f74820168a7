import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { normalizeEmail } from "./login-throttle";

// A browser that has logged in to an account gets a signed cookie saying so. Its later attempts for that account are
// counted on their own, apart from the account's counter that anonymous guessers fill: whoever hammers an account
// cannot lock its owner out of the browsers they already use. The cookie is useless for any other account, cannot be
// forged without the server's secret, and is only ever sent to the login endpoint.

export const KNOWN_DEVICE_COOKIE = "sourcing.known-device";
const COOKIE_PATH = "/api/auth/callback/credentials";
const MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

function signature(deviceId: string, email: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`known-device\u0000${deviceId}\u0000${normalizeEmail(email)}`).digest();
}

export function newDeviceId(): string {
  return randomBytes(18).toString("base64url");
}

/** The cookie's value for a device that has logged in to `email`. */
export function signKnownDevice(deviceId: string, email: string, secret: string): string {
  return `${deviceId}.${signature(deviceId, email, secret).toString("base64url")}`;
}

/** The device's id when `value` is a cookie this server signed for `email`; null for anything else. */
export function knownDeviceFor(value: string | undefined, email: string, secret: string): string | null {
  const [deviceId, mac, extra] = (value ?? "").split(".");
  if (!deviceId || !mac || extra !== undefined || !/^[A-Za-z0-9_-]{16,64}$/.test(deviceId)) return null;
  const given = Buffer.from(mac, "base64url");
  const expected = signature(deviceId, email, secret);
  return given.length === expected.length && timingSafeEqual(given, expected) ? deviceId : null;
}

export function knownDeviceCookieHeader(value: string, secure: boolean): string {
  const attributes = [`Path=${COOKIE_PATH}`, `Max-Age=${MAX_AGE_SECONDS}`, "HttpOnly", "SameSite=Lax"];
  if (secure) attributes.push("Secure");
  return `${KNOWN_DEVICE_COOKIE}=${value}; ${attributes.join("; ")}`;
}
