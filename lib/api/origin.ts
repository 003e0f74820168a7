import { env, trustProxy } from "@/lib/env";

// CSRF: a state-changing request must come from the app's own origin, whatever cookie it carries.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function expectedOrigins(req: Request): string[] {
  const origins = new Set<string>();
  const publicUrl = env("NEXTAUTH_URL");
  if (publicUrl) origins.add(new URL(publicUrl).origin);
  // X-Forwarded-* are the client's own word unless our reverse proxy sets them; Host is what the browser dialled.
  const forwarded = trustProxy();
  const host = (forwarded ? lastValue(req.headers.get("x-forwarded-host")) : null) ?? req.headers.get("host");
  if (host) {
    const forwardedProto = forwarded ? lastValue(req.headers.get("x-forwarded-proto")) : null;
    const proto = forwardedProto ?? new URL(req.url).protocol.replace(":", "");
    origins.add(`${proto}://${host}`);
  }
  origins.add(new URL(req.url).origin);
  return [...origins];
}

export function isCrossOrigin(req: Request): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  const origin = req.headers.get("origin");
  const referer = req.headers.get("referer");
  // Non-browser clients (scripts, curl) send neither; browsers always send Origin on cross-site POSTs.
  const source = origin && origin !== "null" ? origin : referer ? safeOrigin(referer) : origin === "null" ? "null" : null;
  if (source === null) return false;
  return !expectedOrigins(req).includes(source);
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "invalid";
  }
}

// A proxy that appends rather than replaces leaves the client's own value first: ours is the last one.
function lastValue(header: string | null): string | null {
  const last = header?.split(",").at(-1)?.trim();
  return last ? last : null;
}
