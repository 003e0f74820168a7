import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth, { type AuthOptions } from "next-auth";
import { NextRequest } from "next/server";

export type TNextAuthCall = {
  method: "GET" | "POST";
  /** The path below /api/auth, e.g. ["callback", "credentials"]. */
  action: string[];
  query: Record<string, string>;
  /** The fields of a form we have already read and checked; next-auth never reads a request body itself. */
  body?: Record<string, string>;
  headers: Headers;
  cookies: Record<string, string>;
};

/** The request's cookies by name (the first of duplicates, as next-auth's own parsing keeps). */
export function requestCookies(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of new NextRequest(req.url, { headers: req.headers }).cookies.getAll()) out[c.name] ??= c.value;
  return out;
}

/**
 * Runs next-auth's core on a request we describe, through its API-route entry: that entry takes the body and the
 * cookies as values rather than reading a request (the App Router entry reads the raw body whole and asks Next's
 * request scope for cookies), and answers through the minimal response object below.
 */
export async function callNextAuth(options: AuthOptions, call: TNextAuthCall): Promise<Response> {
  let status = 200;
  const headers = new Headers();
  let body: BodyInit | null = null;
  const res = {
    status(code: number) {
      status = code;
      return res;
    },
    getHeader: (name: string) => (name.toLowerCase() === "set-cookie" ? headers.getSetCookie() : (headers.get(name) ?? undefined)),
    setHeader(name: string, value: string | string[]) {
      if (Array.isArray(value)) {
        headers.delete(name);
        for (const v of value) headers.append(name, v);
      } else headers.set(name, value);
      return res;
    },
    end() {
      return res;
    },
    json(data: unknown) {
      headers.set("content-type", "application/json");
      body = JSON.stringify(data);
      return res;
    },
    send(data: unknown) {
      if (typeof data === "string") body = data;
      else if (data !== undefined && data !== null) {
        if (!headers.has("content-type")) headers.set("content-type", "application/json");
        body = JSON.stringify(data);
      }
      return res;
    },
  };
  const req = {
    method: call.method,
    query: { ...call.query, nextauth: call.action },
    body: call.body,
    cookies: call.cookies,
    headers: Object.fromEntries(call.headers),
  };
  await NextAuth(req as unknown as NextApiRequest, res as unknown as NextApiResponse, options);
  return new Response(status === 204 || status === 304 ? null : body, { status, headers });
}
