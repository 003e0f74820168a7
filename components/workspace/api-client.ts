import type { TAnnotation } from "@/lib/annotations/serialize";

export class RequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function send<T>(url: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...(init.headers ?? {}) } });
  } catch {
    throw new RequestError("Could not reach the server. Check your connection and try again.", 0);
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const message = data?.error?.message ?? `The server answered ${res.status}.`;
    throw new RequestError(res.status === 401 ? "Your session has ended. Log in again." : message, res.status);
  }
  return data as T;
}

export const api = {
  createAnnotation: (articleId: string, body: { start: number; end: number; tag: string; note?: string; quote?: string }) =>
    send<TAnnotation>(`/api/articles/${articleId}/annotations`, { method: "POST", body: JSON.stringify(body) }),
  updateAnnotation: (id: string, body: { tag?: string; note?: string }) =>
    send<TAnnotation>(`/api/annotations/${id}`, { method: "PATCH", body: JSON.stringify(body) }),
  deleteAnnotation: (id: string) => send<void>(`/api/annotations/${id}`, { method: "DELETE" }),
  /** Undo of a delete: the same annotation back, with its reviews and status. */
  restoreAnnotation: (id: string) => send<TAnnotation>(`/api/annotations/${id}/restore`, { method: "POST" }),
};

export type TReviewView = {
  id: string;
  reviewer: { id: string; name: string };
  verdict: "agree" | "disagree";
  comment: string;
  suggestedTag: string | null;
  createdAt: string;
};

export const reviewsApi = {
  list: (annotationId: string) => send<{ reviews: TReviewView[] }>(`/api/annotations/${annotationId}/reviews`, { method: "GET" }),
  submit: (annotationId: string, body: { verdict: "agree" | "disagree"; comment?: string; suggestedTag?: string | null }) =>
    send<TReviewView>(`/api/annotations/${annotationId}/reviews`, { method: "POST", body: JSON.stringify(body) }),
  annotations: (articleId: string) => send<{ annotations: TAnnotation[] }>(`/api/articles/${articleId}/annotations`, { method: "GET" }),
};

export type TSuggestionView = { start: number; end: number; tag: string; rule: string; reason: string };
type TKey = { start: number; end: number; tag: string };

export const suggestionsApi = {
  accept: (articleId: string, key: TKey) =>
    send<TAnnotation>(`/api/articles/${articleId}/suggestions/accept`, { method: "POST", body: JSON.stringify(key) }),
  dismiss: (articleId: string, key: TKey) =>
    send<void>(`/api/articles/${articleId}/suggestions/dismiss`, { method: "POST", body: JSON.stringify(key) }),
};

/** Suggestions share the highlight segmentation with annotations under ids no annotation can have. */
export const suggestionId = (s: TKey) => `sug:${s.start}:${s.end}:${s.tag}`;
