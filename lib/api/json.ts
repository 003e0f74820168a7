import type { z } from "zod";
import { readBodyCapped, decodeUtf8 } from "./body";
import { AppError } from "@/lib/errors";
import { fromZodError } from "./errors";

export const MAX_JSON_BYTES = 8 * 1024 * 1024;

// RFC 8259: JSON is UTF-8; the +json suffix (RFC 6839) covers types such as application/merge-patch+json.
const JSON_MEDIA_TYPE = /^application\/(?:json|[a-z0-9!#$&^_.+-]+\+json)$/;

/** Whether a Content-Type header names JSON in UTF-8 (a charset parameter, if any, must be UTF-8). */
export function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const [type = "", ...params] = contentType.split(";");
  if (!JSON_MEDIA_TYPE.test(type.trim().toLowerCase())) return false;
  for (const param of params) {
    const [name = "", value = ""] = param.split("=");
    if (name.trim().toLowerCase() !== "charset") continue;
    if (!["utf-8", "utf8"].includes(value.trim().replace(/^"|"$/g, "").toLowerCase())) return false;
  }
  return true;
}

/**
 * Reads and validates a JSON body: not JSON by its Content-Type -> 415 (before a byte is read), oversize -> 413 as
 * soon as the body passes `maxBytes`, not UTF-8 or malformed -> 400, invalid -> 400 with `field`.
 */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, maxBytes = MAX_JSON_BYTES): Promise<z.infer<S>> {
  // A form or text/plain body is what a cross-site page can send without a preflight: JSON routes never read one.
  if (!isJsonMediaType(req.headers.get("content-type"))) {
    await req.body?.cancel().catch(() => undefined);
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as JSON, with Content-Type: application/json.");
  }
  const text = decodeUtf8(await readBodyCapped(req, maxBytes));
  if (text === null) throw new AppError("INVALID_JSON", "The request body is not valid UTF-8.");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_JSON", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(url: string, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(url).searchParams.entries());
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}
