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
