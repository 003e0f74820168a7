import { z } from "zod";
import { validAllowList } from "./articles/extract/address-policy";
import { DEFAULT_DATABASE_URL } from "./db/url";

const ZFlag = z.enum(["0", "1"]);

// Every environment variable the app reads, validated in one place.
const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default(DEFAULT_DATABASE_URL),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.url().optional(),
  DEMO_PASSWORD: z.string().min(10).default("credibility-demo"),
  SEED_DEMO: ZFlag.optional(),
  // "1" only behind a reverse proxy that sets X-Forwarded-For / X-Forwarded-Host itself: otherwise those headers
  // are the client's own word, and neither the login throttle nor the same-origin check may believe them.
  TRUST_PROXY: ZFlag.default("0"),
  // Hosts, addresses and CIDR ranges the server may fetch article pages from although they are private or local
  // (an intranet news archive, a test server); comma-separated. Public addresses need no entry.
  ARTICLE_FETCH_ALLOW: z.string().refine(validAllowList, "list host names, addresses or CIDR ranges, comma-separated").default(""),
  // Build settings (next.config.ts): where the build goes, whether the benchmark's routes are built, and whether the
  // build skips the type check `npm test` has already run.
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
  BENCH_ROUTES: ZFlag.default("0"),
  NEXT_SKIP_TYPECHECK: ZFlag.default("0"),
});

export type TEnv = z.infer<typeof ZEnv>;
type TKey = keyof TEnv;

// An empty variable (`FOO=` in a .env file) is an unset one.
const clean = (value: string | undefined) => (value === "" ? undefined : value);

export function readEnv(source: Readonly<Record<string, string | undefined>> = process.env): TEnv {
  const parsed = ZEnv.safeParse(Object.fromEntries(Object.entries(source).map(([k, v]) => [k, clean(v)])));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

// The last value each variable was read with: the session check reads the secret on every request, and a
// variable is validated again only when it changes (tests and scripts set them as they go).
const lastRead = new Map<TKey, { raw: string | undefined; value: unknown }>();

/** One variable as the environment holds it now, validated: an invalid value throws, naming the variable. */
export function env<K extends TKey>(key: K): TEnv[K] {
  const raw = clean(process.env[key]);
  const last = lastRead.get(key);
  if (last && last.raw === raw) return last.value as TEnv[K];
  const parsed = ZEnv.shape[key].safeParse(raw);
  if (!parsed.success) throw new Error(`Invalid environment: ${key}: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  lastRead.set(key, { raw, value: parsed.data });
  return parsed.data as TEnv[K];
}

export function seedDemoUsers(values: TEnv = readEnv()): boolean {
  if (values.SEED_DEMO) return values.SEED_DEMO === "1";
  return values.NODE_ENV !== "production";
}

/** Whether X-Forwarded-* headers come from our own reverse proxy (TRUST_PROXY=1) rather than from the client. */
export const trustProxy = (): boolean => env("TRUST_PROXY") === "1";
