import { afterEach, describe, expect, it } from "vitest";
import { env, readEnv, seedDemoUsers } from "./env";

const KEYS = ["TRUST_PROXY", "NEXTAUTH_URL", "NEXT_DIST_DIR"] as const;
const saved = Object.fromEntries(KEYS.map((key) => [key, process.env[key]]));
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("env", () => {
  it("reads a variable as it is now, not as it was when first read", () => {
    process.env.TRUST_PROXY = "1";
    expect(env("TRUST_PROXY")).toBe("1");
    process.env.TRUST_PROXY = "0";
    expect(env("TRUST_PROXY")).toBe("0");
  });

  it("gives the default for an unset or empty variable", () => {
    delete process.env.NEXT_DIST_DIR;
    expect(env("NEXT_DIST_DIR")).toBe(".next");
    process.env.NEXT_DIST_DIR = "";
    expect(env("NEXT_DIST_DIR")).toBe(".next");
    process.env.NEXT_DIST_DIR = ".next-bench";
    expect(env("NEXT_DIST_DIR")).toBe(".next-bench");
  });

  it("refuses an invalid value, naming the variable", () => {
    process.env.TRUST_PROXY = "yes";
    expect(() => env("TRUST_PROXY")).toThrow(/^Invalid environment: TRUST_PROXY: /);
    process.env.NEXTAUTH_URL = "not a url";
    expect(() => env("NEXTAUTH_URL")).toThrow(/NEXTAUTH_URL/);
  });
});

describe("readEnv", () => {
  it("validates the whole environment at once, listing every problem", () => {
    expect(() => readEnv({ TRUST_PROXY: "yes", DEMO_PASSWORD: "short" })).toThrow(/^Invalid environment: (?=.*TRUST_PROXY: )(?=.*DEMO_PASSWORD: )/);
    expect(readEnv({ NODE_ENV: "production", SEED_DEMO: "" })).toMatchObject({ NODE_ENV: "production", TRUST_PROXY: "0" });
  });

  it("seeds demo users outside production unless told otherwise", () => {
    expect(seedDemoUsers(readEnv({ NODE_ENV: "production" }))).toBe(false);
    expect(seedDemoUsers(readEnv({ NODE_ENV: "production", SEED_DEMO: "1" }))).toBe(true);
    expect(seedDemoUsers(readEnv({ NODE_ENV: "development" }))).toBe(true);
  });
});
