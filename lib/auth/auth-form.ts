import { decodeUtf8, readBodyCapped } from "@/lib/api/body";
import { AppError } from "@/lib/errors";

/** next-auth's forms are a CSRF token, an email, a password and a URL or two: far below this. */
export const MAX_AUTH_BODY_BYTES = 16 * 1024;

const FORM_TYPE = "application/x-www-form-urlencoded";

function decodeComponent(text: string): string {
  try {
    // decodeURIComponent refuses escapes that are not UTF-8, where URLSearchParams would substitute U+FFFD.
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw new AppError("INVALID_FORM", "The form is not valid URL-encoded UTF-8.");
  }
}

/**
 * Strictly parses a URL-encoded form: any other media type is 415 before a byte of the body is read, the body is
 * capped while it streams in, it must be UTF-8, and a field sent twice is refused (400) so that no reader can see
 * another value than the one checked.
 */
export async function readAuthForm(req: Request, maxBytes = MAX_AUTH_BODY_BYTES): Promise<Record<string, string>> {
  const [type = "", ...params] = (req.headers.get("content-type") ?? "").split(";").map((p) => p.trim().toLowerCase());
  const charset = params.find((p) => p.startsWith("charset="))?.slice("charset=".length).replace(/"/g, "");
  if (type !== FORM_TYPE || (charset !== undefined && charset !== "utf-8")) {
    await req.body?.cancel().catch(() => undefined);
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send this form as ${FORM_TYPE} in UTF-8.`);
  }
  const text = decodeUtf8(await readBodyCapped(req, maxBytes));
  if (text === null) throw new AppError("INVALID_FORM", "The form is not valid URL-encoded UTF-8.");
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const pair of text.split("&")) {
    if (!pair) continue;
    const eq = pair.indexOf("=");
    const name = decodeComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? "" : decodeComponent(pair.slice(eq + 1));
    if (Object.hasOwn(fields, name)) throw new AppError("DUPLICATE_FIELD", `The field "${name.slice(0, 40)}" is sent more than once.`);
    fields[name] = value;
  }
  return { ...fields };
}
