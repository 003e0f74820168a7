// CSRF: a state-changing request must come from the app's own origin, whatever cookie it carries.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function expectedOrigins(req: Request): string[] {
  const origins = new Set<string>();
  if (process.env.NEXTAUTH_URL) origins.add(new URL(process.env.NEXTAUTH_URL).origin);
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (host) {
    const proto = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
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
