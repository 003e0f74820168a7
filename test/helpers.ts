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

type CallOptions = { user?: TestUser; body?: unknown; rawBody?: string; headers?: Record<string, string> };

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
  return new Request(`${ORIGIN}${path}`, { method, headers, body });
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
