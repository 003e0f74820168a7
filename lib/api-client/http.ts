import type { z } from "zod";
import type { TErrorCode } from "@/lib/errors";
import type { TImportProblem } from "@/lib/import/problems";
import { ZReceivedErrorBody } from "./error-body";

export const NETWORK_MESSAGE = "Could not reach the server. Check your connection and try again.";
export const SESSION_ENDED_MESSAGE = "Your session has ended. Log in again.";
export const UNEXPECTED_MESSAGE = "The server's answer was not understood. Reload the page and try again.";

/** The API's own codes, plus the two failures that never reach it or never come back from it in its shape. */
export type TApiErrorCode = TErrorCode | "NETWORK_ERROR" | "UNEXPECTED_RESPONSE";

/** Any failed call: the status (0 when the server was not reached) and the API's error body, ready to show. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: TApiErrorCode;
  readonly field: string | undefined;
  /** A refused import's problems (the first of them) and how many there were in all. */
  readonly problems: readonly TImportProblem[];
  readonly problemCount: number;

  constructor(
    init: { status: number; code: TApiErrorCode; message: string; field?: string; problems?: readonly TImportProblem[]; problemCount?: number },
    /** For an answer that did not fit its schema: the schema's complaint, for whoever debugs it. */
    options?: { cause: unknown },
  ) {
    super(init.message, options);
    this.name = "ApiError";
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
    this.problems = init.problems ?? [];
    this.problemCount = Math.max(init.problemCount ?? 0, this.problems.length);
  }
}

export type TFetch = (url: string, init: RequestInit) => Promise<Response>;

export type TRequest = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  /** The query string: strings, numbers and booleans are sent; empty strings and anything else are left out. */
  query?: Readonly<Record<string, unknown>>;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart/form-data (imports); the browser sets the boundary. */
  form?: FormData;
};

function urlOf(path: string, query: TRequest["query"]): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if ((typeof value === "string" && value !== "") || typeof value === "number" || typeof value === "boolean") params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function initOf(request: TRequest): RequestInit {
  if (request.form) return { method: request.method, body: request.form };
  if (request.json !== undefined) {
    return { method: request.method, headers: { "content-type": "application/json" }, body: JSON.stringify(request.json) };
  }
  return { method: request.method };
}

async function errorOf(res: Response): Promise<ApiError> {
  if (res.status === 401) return new ApiError({ status: 401, code: "UNAUTHORIZED", message: SESSION_ENDED_MESSAGE });
  const parsed = ZReceivedErrorBody.safeParse(await res.json().catch(() => null));
  const { code, message, field, problems, problemCount } = parsed.success ? parsed.data.error : {};
  return new ApiError({
    status: res.status,
    code: code ?? "UNEXPECTED_RESPONSE",
    message: message ?? `The server answered ${res.status}.`,
    field,
    problems,
    problemCount,
  });
}

/** The one place the browser talks to /api: every answer is an error (ApiError), nothing (204), or parsed data. */
export function createHttp(fetcher: TFetch) {
  async function send(request: TRequest): Promise<Response> {
    let res: Response;
    try {
      res = await fetcher(urlOf(request.path, request.query), initOf(request));
    } catch {
      throw new ApiError({ status: 0, code: "NETWORK_ERROR", message: NETWORK_MESSAGE });
    }
    if (!res.ok) throw await errorOf(res);
    return res;
  }

  return {
    /** A call that answers JSON, parsed with the route's response schema. */
    async data<S extends z.ZodType>(request: TRequest, schema: S): Promise<z.output<S>> {
      const res = await send(request);
      const parsed = schema.safeParse(await res.json().catch(() => undefined));
      if (!parsed.success) {
        throw new ApiError({ status: res.status, code: "UNEXPECTED_RESPONSE", message: UNEXPECTED_MESSAGE }, { cause: parsed.error });
      }
      return parsed.data;
    },
    /** A call that answers 204 No Content. */
    async empty(request: TRequest): Promise<void> {
      const res = await send(request);
      if (res.status !== 204) {
        await res.body?.cancel();
        throw new ApiError({ status: res.status, code: "UNEXPECTED_RESPONSE", message: UNEXPECTED_MESSAGE });
      }
    },
  };
}
