import NextAuth from "next-auth";
import { NextResponse } from "next/server";
import { authOptions } from "@/lib/auth";
import { loginThrottle, throttleKeys } from "@/lib/auth/login-throttle";

const handler = NextAuth(authOptions);
type Ctx = { params: Promise<{ nextauth: string[] }> };

// Behind a reverse proxy (TRUST_PROXY=1) the client is the first X-Forwarded-For entry; otherwise that
// header is the client's own word and is ignored.
function clientAddress(req: Request): string {
  if (process.env.TRUST_PROXY !== "1") return "direct";
  return req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || req.headers.get("x-real-ip") || "direct";
}

/**
 * next-auth's own routes, unchanged, except that credential logins are throttled: repeated failures for an
 * account or from an address answer 429 with Retry-After, whatever the password.
 */
async function POST(req: Request, ctx: Ctx) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") !== "callback/credentials") return handler(req, ctx);
  const form = await req.clone().formData().catch(() => null);
  const keys = throttleKeys(String(form?.get("email") ?? ""), clientAddress(req));
  const wait = loginThrottle.retryAfter(keys);
  if (wait > 0) {
    const url = new URL("/login?error=RateLimited", req.url).toString();
    return NextResponse.json(
      { url, error: { code: "RATE_LIMITED", message: "Too many failed attempts. Try again later." } },
      { status: 429, headers: { "Retry-After": String(Math.ceil(wait / 1000)) } },
    );
  }
  const res: Response = await handler(req, ctx);
  const location = res.headers.get("location") ?? "";
  const body = res.headers.get("content-type")?.includes("json") ? await res.clone().json().catch(() => null) : null;
  const target = String(body?.url ?? location);
  if (target.includes("error=")) loginThrottle.fail(keys);
  else if (res.status < 400) loginThrottle.succeed(keys);
  return res;
}

export { handler as GET, POST };
