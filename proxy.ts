import { NextResponse, type NextRequest } from "next/server";
import { readSessionToken } from "@/lib/auth/session-token";
import { env } from "@/lib/env";

// Anonymous visitors of these pages go to /login?from=<where they were going>. Other pages (login, not-found)
// only get the CSP.
const PROTECTED_PREFIXES = ["/articles", "/review", "/scores", "/stories", "/admin", "/import", "/team", "/account"];

function isProtected(pathname: string): boolean {
  return pathname === "/" || PROTECTED_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

const isDevelopment = env("NODE_ENV") === "development";

/**
 * Article text, notes and comments are untrusted: React renders them as text, and this policy keeps any markup
 * that slipped through inert. Only scripts carrying this response's nonce run (Next stamps its own bootstrap and
 * chunk scripts with it); 'strict-dynamic' lets those load the rest of the bundle.
 */
function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // React's development tooling rebuilds server stacks with eval; production never evals.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    // Style attributes (React's style prop, Next's built-in error pages) cannot carry a nonce, and a nonce here
    // would switch 'unsafe-inline' off; CSS cannot run script, so styles stay open to inline.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export default async function proxy(req: NextRequest) {
  if (isProtected(req.nextUrl.pathname) && !(await readSessionToken(req))) {
    const login = new URL("/login", req.url);
    login.searchParams.set("from", req.nextUrl.pathname + req.nextUrl.search);
    return NextResponse.redirect(login);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageContentSecurityPolicy(nonce);
  // Next reads the nonce from the request's CSP while rendering; a CSP the client sent itself is replaced.
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("content-security-policy", csp);
  return res;
}

export const config = {
  // Every page, not the API (which answers JSON under next.config.ts's strict policy and streams its bodies
  // untouched) nor build assets and icons.
  matcher: ["/((?!api(?:/|$)|_next/static/|_next/image|favicon\\.ico$|robots\\.txt$|sitemap\\.xml$).*)"],
};
