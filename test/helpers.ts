import type { TSessionUser } from "@/lib/auth/session-user";
import { encode } from "next-auth/jwt";
import { hashPassword } from "@/lib/auth/password";
import { createSession, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { getDb } from "@/lib/db/client";
import { seedDatabase } from "@/lib/seed/seed-database";

export const ORIGIN = "http://localhost:3000";
export const DEMO_PASSWORD = "credibility-demo";

export type TestUser = { id: string; email: string; role: string; teamId: string };

/** Seeds the demo team (3 articles, admin/ana/ben), an annotator, and a second team with its own user and article. */
export async function seedFixtures() {
  const db = getDb();
  const seeded = await seedDatabase(db, { demoUsers: true, demoPassword: DEMO_PASSWORD });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.user.upsert({
    where: { email: "cara@example.com" },
    update: {},
    create: { email: "cara@example.com", name: "Cara Annotator", role: "annotator", passwordHash, teamId: seeded.teamId },
  });
  const otherTeam = await db.team.upsert({ where: { name: "Other desk" }, update: {}, create: { name: "Other desk" } });
  await db.user.upsert({
    where: { email: "olga@other.example" },
    update: {},
    create: { email: "olga@other.example", name: "Olga Outsider", role: "admin", passwordHash, teamId: otherTeam.id },
  });
  const otherArticle =
    (await db.article.findFirst({ where: { teamId: otherTeam.id } })) ??
    (await db.article.create({
      data: { teamId: otherTeam.id, title: "Other team's article", body: "Secret text of another team.", bodyHash: "other-hash", bodyLength: 28 },
    }));
  const users = Object.fromEntries(
    (await db.user.findMany()).map((u) => [u.email.split("@")[0]!, { id: u.id, email: u.email, role: u.role, teamId: u.teamId }]),
  ) as Record<"admin" | "ana" | "ben" | "cara" | "olga", TestUser>;
  const articles = await db.article.findMany({ where: { teamId: seeded.teamId }, orderBy: { title: "asc" } });
  return { db, users, teamId: seeded.teamId, storyId: seeded.storyId, articles, otherArticle, otherTeamId: otherTeam.id };
}

/** The claims of a fresh login of `user`: a real Session row, as next-auth's jwt callback makes one. */
async function loginClaims(user: TestUser) {
  const db = getDb();
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  const sid = await createSession(user.id);
  return { sub: user.id, uid: user.id, sv: row.sessionVersion, sid, email: user.email, name: row.name };
}

/** A real next-auth session cookie for the user, signed with the test secret, for a session of its own. */
export async function sessionCookie(user: TestUser): Promise<string> {
  const token = await encode({ token: await loginClaims(user), secret: process.env.NEXTAUTH_SECRET!, maxAge: SESSION_MAX_AGE_SECONDS });
  return `next-auth.session-token=${token}`;
}

/** The session user a route handler would see for `user` (the same lookup as every request). */
export async function sessionUserOf(user: TestUser): Promise<TSessionUser> {
  const { userFromClaims } = await import("@/lib/auth/session-user");
  const sessionUser = await userFromClaims(await loginClaims(user));
  if (!sessionUser) throw new Error(`No session user for ${user.email}`);
  return sessionUser;
}

type CallOptions = {
  user?: TestUser;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** Aborted when the client goes away (an already aborted one ends a stream as soon as it opens). */
  signal?: AbortSignal;
};

/** Builds the Request a browser on the app's own origin would send. */
export async function makeRequest(method: string, path: string, options: CallOptions = {}): Promise<Request> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.user) headers.cookie = await sessionCookie(options.user);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  if (method !== "GET" && !("origin" in headers)) headers.origin = ORIGIN;
  return new Request(`${ORIGIN}${path}`, { method, headers, body, ...(options.signal ? { signal: options.signal } : {}) });
}

type RouteHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;

/** Calls a real App Router route handler and returns its status and parsed JSON. */
export async function call<P>(
  handler: RouteHandler<P>,
  method: string,
  path: string,
  params: P,
  options: CallOptions = {},
): Promise<{ status: number; json: any; response: Response }> {
  const req = await makeRequest(method, path, options);
  const response = await handler(req, { params: Promise.resolve(params) });
  const text = await response.text();
  let json: unknown = null;
  if (text && (response.headers.get("content-type") ?? "").includes("json")) json = JSON.parse(text);
  return { status: response.status, json, response };
}

/** A browser's cookies for the tests that go through next-auth's routes. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  take(res: Response): this {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (!value || /;\s*max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return this;
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  get sessionToken(): string | undefined {
    return this.cookies.get("next-auth.session-token");
  }
}

type AuthCallOptions = { jar?: CookieJar; body?: BodyInit; headers?: Record<string, string> };

/** Calls next-auth's real route (app/api/auth/[...nextauth]) as the browser would; the jar keeps what it sets. */
export async function authCall(method: "GET" | "POST", path: string, options: AuthCallOptions = {}): Promise<Response> {
  const { GET, POST } = await import("@/app/api/auth/[...nextauth]/route");
  const url = new URL(path, ORIGIN);
  const nextauth = url.pathname.replace(/^\/api\/auth\//, "").split("/");
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.jar?.cookies.size) headers.cookie = options.jar.header();
  if (method === "POST") headers.origin ??= ORIGIN;
  const init: RequestInit & { duplex?: "half" } = { method, headers, body: options.body };
  if (options.body instanceof ReadableStream) init.duplex = "half";
  const res = await (method === "GET" ? GET : POST)(new Request(url, init), { params: Promise.resolve({ nextauth }) });
  options.jar?.take(res);
  return res;
}

/** What next-auth/react's signIn("credentials", { redirect: false }) posts, with a CSRF token from /api/auth/csrf. */
export async function credentialsLogin(email: string, password: string, jar = new CookieJar(), headers: Record<string, string> = {}) {
  if (!jar.cookies.has("next-auth.csrf-token")) await authCall("GET", "/api/auth/csrf", { jar });
  const csrfToken = decodeURIComponent(jar.cookies.get("next-auth.csrf-token") ?? "").split("|")[0] ?? "";
  const body = new URLSearchParams({ email, password, redirect: "false", csrfToken, callbackUrl: `${ORIGIN}/login`, json: "true" });
  const res = await authCall("POST", "/api/auth/callback/credentials", {
    jar,
    body: body.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
  });
  return { res, status: res.status, json: (await res.clone().json().catch(() => null)) as { url?: string; error?: unknown } | null, jar };
}
