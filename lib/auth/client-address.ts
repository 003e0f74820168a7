import { trustProxy } from "@/lib/env";

/**
 * The client's address as our reverse proxy saw it, or null without one (TRUST_PROXY unset): then X-Forwarded-For is
 * the client's own word. The proxy appends the address it saw, so it is the last entry; earlier ones are whatever
 * the client sent and would let it pose as a new address on every request.
 */
export function clientAddress(req: Request): string | null {
  if (!trustProxy()) return null;
  const last = req.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return last ? last.slice(0, 64) : null;
}
