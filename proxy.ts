import { NextResponse, type NextRequest } from "next/server";
import { readSessionToken } from "@/lib/auth/session-token";

// Anonymous visitors of app pages go to /login?from=<where they were going>.
// API routes are not matched here: they answer 401 JSON themselves, never a redirect.
export default async function proxy(req: NextRequest) {
  const token = await readSessionToken(req);
  if (token) return NextResponse.next();
  const login = new URL("/login", req.url);
  login.searchParams.set("from", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ["/", "/articles/:path*", "/review/:path*", "/scores/:path*", "/stories/:path*", "/admin/:path*", "/import/:path*"],
};
