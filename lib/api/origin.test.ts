import { afterEach, describe, expect, it } from "vitest";
import { expectedOrigins, isCrossOrigin } from "./origin";

const saved = { TRUST_PROXY: process.env.TRUST_PROXY, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

const post = (headers: Record<string, string>) =>
  new Request("http://app.internal:3000/api/articles", { method: "POST", headers: { host: "app.internal:3000", ...headers } });

// A cross-site page that also names itself as the forwarded host, as a client (not our proxy) can.
const forged = { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

describe("isCrossOrigin", () => {
  it("does not believe X-Forwarded-Host or X-Forwarded-Proto without TRUST_PROXY", () => {
    delete process.env.TRUST_PROXY;
    delete process.env.NEXTAUTH_URL;
    expect(isCrossOrigin(post(forged))).toBe(true);
    expect(expectedOrigins(post(forged))).not.toContain("https://evil.example");
    process.env.TRUST_PROXY = "0";
    expect(isCrossOrigin(post(forged))).toBe(true);
  });

  it("takes the host and scheme our own proxy forwards when TRUST_PROXY=1, its value when it appends", () => {
    process.env.TRUST_PROXY = "1";
    const behindProxy = { origin: "https://sourcing.example", "x-forwarded-host": "sourcing.example", "x-forwarded-proto": "https" };
    expect(isCrossOrigin(post(behindProxy))).toBe(false);
    const appended = { origin: "https://evil.example", "x-forwarded-host": "evil.example, sourcing.example", "x-forwarded-proto": "https" };
    expect(isCrossOrigin(post(appended))).toBe(true);
  });

  it("accepts the Host the browser dialled and NEXTAUTH_URL, refuses other origins and the null origin", () => {
    delete process.env.TRUST_PROXY;
    process.env.NEXTAUTH_URL = "https://public.example";
    expect(isCrossOrigin(post({ origin: "http://app.internal:3000" }))).toBe(false);
    expect(isCrossOrigin(post({ origin: "https://public.example" }))).toBe(false);
    expect(isCrossOrigin(post({ origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOrigin(post({ origin: "null" }))).toBe(true);
    expect(isCrossOrigin(post({ referer: "https://evil.example/page" }))).toBe(true);
    expect(isCrossOrigin(post({}))).toBe(false);
    expect(isCrossOrigin(new Request("http://app.internal:3000/api/me", { headers: forged }))).toBe(false);
  });
});
