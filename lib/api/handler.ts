import type { z } from "zod";
import { assertCan, type TAction } from "@/lib/auth/permissions";
import { userFromRequest, type TSessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";
import { errorResponse } from "./errors";
import { parseQuery, readJson } from "./json";
import { isCrossOrigin } from "./origin";

type RouteContext<P> = { params: Promise<P> };
type Route<P> = (req: Request, context: RouteContext<P>) => Promise<Response>;
type Handler<P> = (args: { req: Request; user: TSessionUser; params: P }) => Promise<Response>;

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema, Otherwise> = S extends z.ZodType ? z.output<S> : Otherwise;

/** What a route declares for the wrapper to check before its handler runs. */
export type TRouteSpec<PS extends Schema, QS extends Schema, BS extends Schema> = {
  /** The path's dynamic segments. */
  params?: PS;
  /** The query string: invalid is 400 INVALID_INPUT. */
  query?: QS;
  /** A JSON body, read as lib/api/json.ts does (415, 413, 400), at most `maxBytes`. */
  body?: BS;
  maxBytes?: number;
  /** What the caller's role must be allowed (lib/auth/permissions.ts): 403 FORBIDDEN otherwise. */
  requires?: TAction;
};

type SpecHandler<PS extends Schema, QS extends Schema, BS extends Schema> = (args: {
  req: Request;
  user: TSessionUser;
  params: Parsed<PS, Record<string, never>>;
  query: Parsed<QS, undefined>;
  body: Parsed<BS, undefined>;
}) => Promise<Response>;

/**
 * Every API route goes through here: same-origin check on writes, session check (401 JSON, never a redirect), the
 * declared query and body, then the declared permission, and errors turned into the contract's JSON shape — never an
 * HTML page or a stack trace. The permission comes after the input, as docs/api.md orders the checks: a route that
 * must refuse before reading its upload (imports) declares no body and reads it in its handler.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>): Route<P>;
export function apiRoute<PS extends Schema = undefined, QS extends Schema = undefined, BS extends Schema = undefined>(
  spec: TRouteSpec<PS, QS, BS>,
  handler: SpecHandler<PS, QS, BS>,
): Route<unknown>;
export function apiRoute(
  specOrHandler: TRouteSpec<Schema, Schema, Schema> | Handler<unknown>,
  specHandler?: SpecHandler<Schema, Schema, Schema>,
): Route<unknown> {
  const spec = typeof specOrHandler === "function" ? {} : specOrHandler;
  const handler = (typeof specOrHandler === "function" ? specOrHandler : specHandler) as Handler<unknown>;
  return async (req, context) => {
    try {
      if (isCrossOrigin(req)) throw new AppError("CROSS_ORIGIN", "Cross-origin requests cannot change data.");
      const user = await userFromRequest(req);
      if (!user) throw new AppError("UNAUTHORIZED", "You need to log in to do this.");
      const rawParams: unknown = (await context?.params) ?? {};
      const params = spec.params ? spec.params.parse(rawParams) : rawParams;
      const query = spec.query ? parseQuery(req.url, spec.query) : undefined;
      const body = spec.body ? await readJson(req, spec.body, spec.maxBytes) : undefined;
      if (spec.requires) assertCan(user, spec.requires);
      return await handler({ req, user, params, query, body } as Parameters<Handler<unknown>>[0]);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

// Response.json, not NextResponse.json: nothing here sets cookies, and it is a third cheaper on every API answer.
export const json = (data: unknown, status = 200): Response => Response.json(data, { status });
