// The HTTP API as a logged-in script uses it: the calls the durability and multi-instance tests make, each answering
// its status and, for writes the test must find again, the id the server acknowledged.

export type TSession = { baseURL: string; cookie: string };
export type TTag = "anonymous-source" | "official-statement" | "opinion";
export const TAGS: readonly TTag[] = ["anonymous-source", "official-statement", "opinion"];

export type TAnswer<T> = { status: number; value: T | null };

async function send(session: TSession, method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  const res = await fetch(`${session.baseURL}${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      // Writes come from the app's own origin, as a browser on the page would send them.
      origin: session.baseURL,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
}

/** A 2xx answer: the server says the write is done. */
export const acknowledged = (status: number) => status >= 200 && status < 300;

function parsed<T>(answer: { status: number; text: string }): TAnswer<T> {
  return { status: answer.status, value: acknowledged(answer.status) && answer.text ? (JSON.parse(answer.text) as T) : null };
}

export type TArticleRef = { id: string; title: string; bodyLength: number };

/** The team's articles with their lengths (the list omits bodies, so each is read once). */
export async function listArticles(session: TSession): Promise<TArticleRef[]> {
  const list = parsed<{ articles: { id: string; title: string }[] }>(await send(session, "GET", "/api/articles?limit=1000"));
  if (!list.value) throw new Error(`GET /api/articles answered ${list.status}`);
  const out: TArticleRef[] = [];
  for (const a of list.value.articles) {
    const one = parsed<{ bodyLength: number }>(await send(session, "GET", `/api/articles/${a.id}`));
    if (!one.value) throw new Error(`GET /api/articles/${a.id} answered ${one.status}`);
    out.push({ id: a.id, title: a.title, bodyLength: one.value.bodyLength });
  }
  return out;
}

/** 201 created, 200 the same span and tag already saved by this user; either way the annotation's id. */
export async function createAnnotation(
  session: TSession,
  articleId: string,
  span: { start: number; end: number; tag: TTag },
): Promise<TAnswer<{ id: string }>> {
  return parsed(await send(session, "POST", `/api/articles/${articleId}/annotations`, span));
}

/** 201 a first verdict, 200 one that replaced the reviewer's earlier verdict. */
export async function reviewAnnotation(
  session: TSession,
  annotationId: string,
  verdict: "agree" | "disagree",
): Promise<TAnswer<{ id: string }>> {
  return parsed(await send(session, "POST", `/api/annotations/${annotationId}/reviews`, { verdict, comment: `${verdict} (scripted)` }));
}

/** A reply in an annotation's thread: 201. */
export async function replyTo(session: TSession, annotationId: string, text: string): Promise<TAnswer<{ id: string }>> {
  return parsed(await send(session, "POST", `/api/annotations/${annotationId}/replies`, { text }));
}

/** Changes the tag (the author only): 200, or 409 when the author already has that span with that tag. */
export async function retagAnnotation(session: TSession, annotationId: string, tag: TTag): Promise<number> {
  return (await send(session, "PATCH", `/api/annotations/${annotationId}`, { tag })).status;
}

/** 204 when deleted. */
export async function deleteAnnotation(session: TSession, annotationId: string): Promise<number> {
  return (await send(session, "DELETE", `/api/annotations/${annotationId}`)).status;
}

/** POST /api/import/articles with a JSON body: all or nothing; the ids of the created articles. */
export async function importArticles(
  session: TSession,
  articles: { title: string; body: string }[],
): Promise<TAnswer<{ created: { id: string; title: string }[] }>> {
  return parsed(await send(session, "POST", "/api/import/articles", { articles }));
}
