export const DEFAULT_AFTER_LOGIN = "/articles";

const PROBE_ORIGIN = "http://x";
// C0 controls, DEL and C1 controls: browsers strip tabs and newlines from URLs, so "/\t/evil.example" is "//evil…".
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function decodedOrNull(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/**
 * `from` if it is a path on this site, else the default page. Only one leading "/", no backslash and no control
 * character, raw or percent-encoded (browsers read "\" as "/" and drop tabs and newlines, which turns an innocent
 * looking path into "//evil.example"), and it must still resolve to this origin.
 */
export function safeRedirectPath(from: string | string[] | null | undefined): string {
  const value = Array.isArray(from) ? from[0] : from;
  if (!value || value.length > 2048 || !value.startsWith("/") || value.startsWith("//")) return DEFAULT_AFTER_LOGIN;
  const decoded = decodedOrNull(value);
  if (decoded === null) return DEFAULT_AFTER_LOGIN;
  for (const form of [value, decoded]) {
    if (form.includes("\\") || CONTROL.test(form) || form.startsWith("//")) return DEFAULT_AFTER_LOGIN;
  }
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return DEFAULT_AFTER_LOGIN;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
  if (url.origin !== PROBE_ORIGIN || path.startsWith("//")) return DEFAULT_AFTER_LOGIN;
  return path;
}

/**
 * next-auth's `redirect` callback: a same-origin absolute URL, or a safe path made absolute; anything else (another
 * origin, an unparsable URL such as "http://host:3000.evil.example/") is the site's root, never an exception.
 */
export function sameOriginUrl(url: string, baseUrl: string): string {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return "/";
  }
  if (url.startsWith("/")) return `${base.origin}${safeRedirectPath(url)}`;
  try {
    const target = new URL(url);
    if (target.origin === base.origin) return `${base.origin}${safeRedirectPath(`${target.pathname}${target.search}${target.hash}`)}`;
  } catch {
    // falls through to the root
  }
  return base.origin;
}
