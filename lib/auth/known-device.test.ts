import { describe, expect, it } from "vitest";
import { knownDeviceCookieHeader, knownDeviceFor, newDeviceId, signKnownDevice } from "./known-device";

const secret = "a-secret-long-enough-for-tests";

describe("known-device cookie", () => {
  it("names its device for the account it was signed for, and for nothing else", () => {
    const id = newDeviceId();
    const value = signKnownDevice(id, "Ana@Example.com", secret);
    expect(knownDeviceFor(value, "ana@example.com ", secret)).toBe(id);
    expect(knownDeviceFor(value, "ben@example.com", secret)).toBeNull();
    expect(knownDeviceFor(value, "ana@example.com", `${secret}-other`)).toBeNull();
    expect(knownDeviceFor(`${newDeviceId()}.${value.split(".")[1]}`, "ana@example.com", secret)).toBeNull();
    expect(knownDeviceFor(`${value}.x`, "ana@example.com", secret)).toBeNull();
    expect(knownDeviceFor(undefined, "ana@example.com", secret)).toBeNull();
    expect(knownDeviceFor("garbage", "ana@example.com", secret)).toBeNull();
  });

  it("is httpOnly, SameSite=Lax and sent only to the login endpoint", () => {
    const header = knownDeviceCookieHeader("v", true);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Secure/);
    expect(header).toMatch(/Path=\/api\/auth\/callback\/credentials/);
  });
});
