import { AppError } from "@/lib/errors";
import { errorJson } from "./errors";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Handler = (req: Request) => Promise<Response>;

// Handlers built here, so the access-control table can tell a refusal from a route's real method.
const refusals = new WeakSet<Handler>();
export const isMethodRefusal = (handler: unknown): boolean => refusals.has(handler as Handler);

function allowHeader(allowed: readonly Method[]): string {
  const all = new Set<string>([...allowed, "OPTIONS"]);
  if (all.has("GET")) all.add("HEAD");
  return [...all].sort().join(", ");
}

/**
 * The methods a route file does not implement. Next answers those with an empty 405 without `Allow`, and its
 * automatic OPTIONS would list every method a file exports, so a route exports these instead: a JSON 405 with an
 * `Allow` header, and an OPTIONS that lists only the real methods.
 */
export function otherMethods(...allowed: Method[]) {
  const allow = allowHeader(allowed);
  const refuse: Handler = async (req) =>
    errorJson(new AppError("METHOD_NOT_ALLOWED", `${req.method} is not allowed here; use ${allow}.`), { Allow: allow });
  refusals.add(refuse);
  const OPTIONS = async () => new Response(null, { status: 204, headers: { Allow: allow } });
  // Next answers HEAD from GET; a route without GET exports this HEAD so that its 405 still names the methods.
  return { GET: refuse, HEAD: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse, OPTIONS };
}

/** Every method of a path no route serves: the contract's 404, never Next's HTML not-found page. */
export async function noSuchRoute(req: Request): Promise<Response> {
  const { pathname } = new URL(req.url);
  return errorJson(new AppError("NOT_FOUND", `There is no API route at ${pathname}.`));
}
