import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./db/url";

// Every environment variable the app reads, validated in one place.
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.url().optional(),
  DEMO_PASSWORD: z.string().min(10).default("credibility-demo"),
  SEED_DEMO: z.enum(["0", "1"]).optional(),
  // "1" only behind a reverse proxy that sets X-Forwarded-For / X-Forwarded-Host itself: otherwise those headers
  // are the client's own word, and neither the login throttle nor the same-origin check may believe them.
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
});

export type TEnv = z.infer<typeof ZEnv>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): TEnv {
  const clean = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = ZEnv.safeParse(clean);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

export function seedDemoUsers(env: TEnv = readEnv()): boolean {
  if (env.SEED_DEMO) return env.SEED_DEMO === "1";
  return env.NODE_ENV !== "production";
}

/** Whether X-Forwarded-* headers come from our own reverse proxy (TRUST_PROXY=1) rather than from the client. */
export function trustProxy(source: NodeJS.ProcessEnv = process.env): boolean {
  return source.TRUST_PROXY === "1";
}
