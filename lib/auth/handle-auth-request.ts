import { authOptions } from "@/lib/auth";
import { errorBody } from "@/lib/api/errors";
import { httpStatus } from "@/lib/api/status";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readAuthForm } from "./auth-form";
import { RateLimitedError, loginWithCredentials } from "./login-with-credentials";
import { callNextAuth, requestCookies, type TNextAuthCall } from "./next-auth-call";
import { sameOriginUrl } from "./safe-redirect";

type TContext = { params: Promise<{ nextauth: string[] }> };

const CALLBACK_URL_COOKIE = /(^|__Secure-)next-auth\.callback-url$/;

function baseUrl(req: Request): string {
  return env("NEXTAUTH_URL") ?? new URL(req.url).origin;
}

/**
 * Every callback URL next-auth will see, from the query, the form or its cookie, made a URL on this site first:
 * next-auth answers 500 to one it cannot parse, and would redirect to another site.
 */
function withSafeCallbackUrls(call: TNextAuthCall, base: string): TNextAuthCall {
  const safe = (value: string) => sameOriginUrl(value, base);
  const query = { ...call.query };
  if (query.callbackUrl !== undefined) query.callbackUrl = safe(query.callbackUrl);
  const cookies = Object.fromEntries(Object.entries(call.cookies).map(([k, v]) => [k, CALLBACK_URL_COOKIE.test(k) ? safe(v) : v]));
  const body = call.body && { ...call.body, ...(call.body.callbackUrl !== undefined && { callbackUrl: safe(call.body.callbackUrl) }) };
  return { ...call, query, cookies, body };
}

function refusal(error: unknown, base: string): Response {
  const known = error instanceof AppError ? error : null;
  // Input never gets here (it is refused above with a 4xx); a database that cannot be reached does.
  if (!known) console.error("Unhandled error in next-auth's routes", error);
  const e = known ?? new AppError("INTERNAL", "Something went wrong on our side.");
  const headers: Record<string, string> = {};
  if (error instanceof RateLimitedError) headers["Retry-After"] = String(Math.max(1, error.retryAfterSeconds));
  // next-auth's client reads `url` (and its `error` parameter) from every answer to its posts.
  const url = `${base}/login?error=${encodeURIComponent(e.code)}`;
  return Response.json({ ...errorBody(e), url }, { status: httpStatus(e.code), headers });
}

/**
 * next-auth's routes, with every request body read by us, capped while it streams in and strictly parsed, then handed
 * to next-auth as values; credential logins go through the throttle; no input makes next-auth answer 500.
 */
export async function handleAuthRequest(req: Request, context: TContext): Promise<Response> {
  const base = baseUrl(req);
  try {
    const { nextauth: action = [] } = await context.params;
    const method = req.method === "POST" ? "POST" : "GET";
    const url = new URL(req.url);
    const call = withSafeCallbackUrls(
      {
        method,
        action,
        query: Object.fromEntries(url.searchParams),
        body: method === "POST" ? await readAuthForm(req) : undefined,
        headers: req.headers,
        cookies: requestCookies(req),
      },
      base,
    );
    const res =
      method === "POST" && action.join("/") === "callback/credentials"
        ? await loginWithCredentials(req, { ...call, body: call.body ?? {} }, base.startsWith("https://"))
        : await callNextAuth(authOptions, call);
    // next-auth answers 500 to requests it does not support (a GET of the credentials callback): they are bad input.
    if (res.status >= 500) throw new AppError("BAD_AUTH_REQUEST", "This request to the login service cannot be handled.");
    return res;
  } catch (error) {
    return refusal(error, base);
  }
}
