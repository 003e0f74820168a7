import path from "node:path";
import type { TFetch } from "@/lib/api-client/http";
import { ORIGIN, sessionCookie, type TestUser } from "@/test/helpers";
import { routeFiles } from "./route-files";

// Test-only: a fetch for the typed API client that answers from the real route handlers in this process, as the
// app's router would, with a same-origin browser's session cookie and Origin header.

const API_DIR = path.resolve(__dirname, "../../app/api");

type TRouteFile = { file: string; pattern: RegExp; names: string[] };

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// next-auth's routes and the catch-all that answers unknown paths are not the client's to call.
const ROUTES: TRouteFile[] = routeFiles(API_DIR)
  .filter((rel) => !rel.startsWith("auth/") && !rel.includes("[[..."))
  .map((rel) => {
    const names: string[] = [];
    const source = rel
      .split("/")
      .map((segment) => {
        const dynamic = /^\[(\w+)\]$/.exec(segment);
        if (!dynamic) return escape(segment);
        names.push(dynamic[1]!);
        return "([^/]+)";
      })
      .join("/");
    return { file: path.join(API_DIR, rel, "route.ts"), pattern: new RegExp(`^/api/${source}$`), names };
  })
  // As the app's router does, a static segment wins over a dynamic one (/api/articles/extract over /api/articles/[id]).
  .sort((a, b) => a.names.length - b.names.length);

function routeOf(pathname: string): { file: string; params: Record<string, string> } {
  for (const route of ROUTES) {
    const match = route.pattern.exec(pathname);
    if (match) return { file: route.file, params: Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)])) };
  }
  throw new Error(`No route file serves ${pathname}`);
}

type THandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

function isHandler(value: unknown): value is THandler {
  return typeof value === "function";
}

export type TExchange = { method: string; path: string; status: number; body: unknown };

/**
 * A fetch as `user` (one session for all its calls). Every answer is also handed to `onAnswer` with its JSON body
 * (null when it has none), read from a copy, so a test can check the raw bodies the client parsed.
 */
export function routeTransport(user: TestUser, onAnswer?: (exchange: TExchange) => void): TFetch {
  let cookie: Promise<string> | null = null;
  return async (url, init) => {
    const target = new URL(url, ORIGIN);
    const method = init.method ?? "GET";
    const { file, params } = routeOf(target.pathname);
    const handler: unknown = (await import(file))[method];
    if (!isHandler(handler)) throw new Error(`${file} has no ${method}`);
    const headers = new Headers(init.headers);
    headers.set("cookie", await (cookie ??= sessionCookie(user)));
    if (method !== "GET") headers.set("origin", ORIGIN);
    const response = await handler(new Request(target, { ...init, headers }), { params: Promise.resolve(params) });
    const text = await response.clone().text();
    onAnswer?.({ method, path: target.pathname, status: response.status, body: text ? JSON.parse(text) : null });
    return response;
  };
}
