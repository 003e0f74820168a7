import { ORIGIN, sessionCookie, type TestUser } from "@/test/helpers";

// Test-only helpers for test/import*.test.ts (never imported by the app).

type TRoute = (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;

export type TUpload = { name: string; text: string | Uint8Array; type?: string };

export type TPostResult = { status: number; json: any; response: Response };

type TPostOptions = {
  user?: TestUser;
  files?: TUpload[];
  fields?: Record<string, string>;
  /** A body sent as is, with its content type. */
  raw?: { body: string | Uint8Array; type: string };
  query?: string;
  headers?: Record<string, string>;
};

/** POSTs to an import route as a same-origin browser would: a multipart form, or a raw body. */
export async function postImport(route: { POST: TRoute }, path: string, options: TPostOptions): Promise<TPostResult> {
  const headers: Record<string, string> = { origin: ORIGIN, ...(options.headers ?? {}) };
  if (options.user) headers.cookie = await sessionCookie(options.user);
  let body: BodyInit;
  if (options.raw) {
    headers["content-type"] = options.raw.type;
    body = options.raw.body as BodyInit;
  } else {
    const form = new FormData();
    for (const [key, value] of Object.entries(options.fields ?? {})) form.append(key, value);
    for (const file of options.files ?? []) {
      form.append("file", new Blob([file.text as BlobPart], { type: file.type ?? "" }), file.name);
    }
    body = form;
  }
  const url = `${ORIGIN}${path}${options.query ? `?${options.query}` : ""}`;
  const response = await route.POST(new Request(url, { method: "POST", headers, body }), {
    params: Promise.resolve({}),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, response };
}
