import type { z } from "zod";
import type { TStatus, TTag } from "@/lib/annotations/tags";
import type { TDiscussion } from "@/lib/discussion/find-discussions";
import { discussionEntries, isDiscussionEntry, type TAssessmentEntry, type TReplyEntry } from "./jsonld-discussion";
import { ANNO_CONTEXT, collectionEnvelopeSchema, webAnnotationSchema } from "./jsonld-schema";

export { ANNO_CONTEXT } from "./jsonld-schema";

/** One annotation as the API returns it (api.md `Annotation`), with dates as Date. */
export type TJsonLdAnnotationInput = {
  id: string;
  articleId: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  tag: TTag;
  /** "" when there is none, as stored. */
  note: string;
  author: { name: string; email: string };
  status: TStatus;
  agreeCount: number;
  disagreeCount: number;
  createdAt: Date;
  updatedAt: Date;
  /** Its thread, written right after it; none when it has no replies or reviews. */
  discussion?: TDiscussion;
};

export type TTextualBody = {
  type: "TextualBody";
  purpose: "tagging" | "commenting";
  value: string;
  format?: "text/plain";
};

export type TTextQuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };
/** Offsets count Unicode code points, as both the Web Annotation model and api.md require. */
export type TTextPositionSelector = { type: "TextPositionSelector"; start: number; end: number };

export type TInteractionCounter = {
  type: "schema:InteractionCounter";
  "schema:interactionType": { id: "schema:AgreeAction" | "schema:DisagreeAction" };
  "schema:userInteractionCount": number;
};

/**
 * A W3C Web Annotation. Review data that the model has no term for uses schema.org, whose `schema:` prefix the
 * anno.jsonld context already defines, so the document stays valid JSON-LD with the plain context:
 * - `schema:creativeWorkStatus`: the review status, `pending` | `accepted` | `rejected`;
 * - `schema:interactionStatistic`: agree and disagree counts, as `schema:InteractionCounter`s with
 *   `schema:interactionType` `schema:AgreeAction` / `schema:DisagreeAction`.
 */
export type TWebAnnotation = {
  id: string;
  type: "Annotation";
  created: string;
  modified: string;
  creator: { type: "Person"; name: string; email: string };
  body: TTextualBody[];
  target: { source: string; selector: [TTextQuoteSelector, TTextPositionSelector] };
  "schema:creativeWorkStatus": TStatus;
  "schema:interactionStatistic": [TInteractionCounter, TInteractionCounter];
};

/** An item of a collection: an annotation of the text, or a reply to or an assessment of one. */
export type TCollectionEntry = TWebAnnotation | TReplyEntry | TAssessmentEntry;

/**
 * A collection with every annotation embedded in its one page (`first`, which is also `last`), each followed by its
 * thread; `total` counts every item.
 */
export type TAnnotationCollection = {
  "@context": typeof ANNO_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  first: { id: string; type: "AnnotationPage"; startIndex: 0; items: TCollectionEntry[] };
  last: string;
};

export type TAnnotationCollectionInput = {
  /** The collection's IRI, e.g. the export request URL. */
  id: string;
  /** Where the app is served; annotation and article IRIs point at its API. Defaults to the origin of `id`. */
  baseUrl?: string;
  label?: string;
  items: readonly TJsonLdAnnotationInput[];
};

function apiBase(baseUrl: string | undefined, collectionId: string): string {
  const base = baseUrl ?? new URL(collectionId).origin;
  if (base === "null") {
    throw new TypeError(`baseUrl is required: ${collectionId} has no origin to resolve IRIs against`);
  }
  return base.replace(/\/+$/, "");
}

/** The article's IRI: its API resource, whose `body` is the text the selectors count in. */
export function articleIri(baseUrl: string, articleId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/api/articles/${encodeURIComponent(articleId)}`;
}

/** The article id inside an IRI made by articleIri, or null for any other IRI. */
export function articleIdFromIri(iri: string): string | null {
  const match = /\/api\/articles\/([^/?#]+)$/.exec(iri);
  if (match?.[1] === undefined) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

function counter(action: "schema:AgreeAction" | "schema:DisagreeAction", count: number): TInteractionCounter {
  return {
    type: "schema:InteractionCounter",
    "schema:interactionType": { id: action },
    "schema:userInteractionCount": count,
  };
}

function toWebAnnotation(item: TJsonLdAnnotationInput, base: string): TWebAnnotation {
  const body: TTextualBody[] = [{ type: "TextualBody", purpose: "tagging", value: item.tag }];
  if (item.note !== "") {
    body.push({ type: "TextualBody", purpose: "commenting", value: item.note, format: "text/plain" });
  }
  return {
    id: `${base}/api/annotations/${encodeURIComponent(item.id)}`,
    type: "Annotation",
    created: item.createdAt.toISOString(),
    modified: item.updatedAt.toISOString(),
    creator: { type: "Person", name: item.author.name, email: `mailto:${item.author.email}` },
    body,
    target: {
      source: articleIri(base, item.articleId),
      selector: [
        { type: "TextQuoteSelector", exact: item.quote, prefix: item.prefix, suffix: item.suffix },
        { type: "TextPositionSelector", start: item.start, end: item.end },
      ],
    },
    "schema:creativeWorkStatus": item.status,
    "schema:interactionStatistic": [
      counter("schema:AgreeAction", item.agreeCount),
      counter("schema:DisagreeAction", item.disagreeCount),
    ],
  };
}

/** The W3C Web Annotation Data Model form of an export: one AnnotationCollection, all items in its first page. */
export function toAnnotationCollection({
  id,
  baseUrl,
  label = "Annotations",
  items,
}: TAnnotationCollectionInput): TAnnotationCollection {
  const base = apiBase(baseUrl, id);
  const pageUrl = new URL(id);
  pageUrl.hash = "page1";
  const pageId = pageUrl.href;
  const entries = items.flatMap((item): TCollectionEntry[] => {
    const annotation = toWebAnnotation(item, base);
    return item.discussion ? [annotation, ...discussionEntries(annotation.id, item.discussion)] : [annotation];
  });
  return {
    "@context": ANNO_CONTEXT,
    id,
    type: "AnnotationCollection",
    label,
    total: entries.length,
    first: {
      id: pageId,
      type: "AnnotationPage",
      startIndex: 0,
      items: entries,
    },
    last: pageId,
  };
}

/** An annotation read back from a collection: what an import needs to recreate it. */
export type TImportedAnnotation = {
  /** The annotation's IRI, when it has one. */
  id: string | null;
  /** The target's `source` IRI; for our own exports articleIdFromIri gives the article id. */
  articleRef: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  tag: TTag;
  /** "" when the annotation has no commenting body. */
  note: string;
  creatorEmail: string | null;
  created: Date | null;
};

export type TJsonLdIssue = { path: string; message: string };

export class JsonLdImportError extends Error {
  readonly issues: readonly TJsonLdIssue[];

  constructor(issues: readonly TJsonLdIssue[]) {
    const shown = issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`);
    const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more` : "";
    super(`Not a valid Web Annotation collection: ${shown.join("; ")}${more}`);
    this.name = "JsonLdImportError";
    this.issues = issues;
  }
}

/** `first.items[3].target.selector[1].start`: the JSON path a person can find in the file. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(document)";
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : `${index === 0 ? "" : "."}${String(key)}`))
    .join("");
}

function toIssues(error: z.ZodError, at: readonly PropertyKey[] = []): TJsonLdIssue[] {
  return error.issues.map((issue) => ({ path: formatIssuePath([...at, ...issue.path]), message: issue.message }));
}

function toImported(item: z.output<typeof webAnnotationSchema>): TImportedAnnotation {
  const creator = typeof item.creator === "object" ? item.creator : undefined;
  return {
    id: item.id ?? null,
    articleRef: item.target.source,
    start: item.target.position.start,
    end: item.target.position.end,
    exact: item.target.quote.exact,
    prefix: item.target.quote.prefix,
    suffix: item.target.quote.suffix,
    tag: item.body.tag,
    note: item.body.note,
    creatorEmail: creator?.email ?? null,
    created: item.created === undefined ? null : new Date(item.created),
  };
}

/** One item of a collection's page, read: the annotation, or every problem it has (paths from the document root). */
export type TCollectionItem = { index: number } & (
  | { ok: true; annotation: TImportedAnnotation }
  | { ok: false; issues: TJsonLdIssue[] }
);

// Replies and assessments are not annotations of the text: an import skips them, keeping each item's index.
function* readItems(items: readonly unknown[]): Generator<TCollectionItem> {
  for (const [index, raw] of items.entries()) {
    if (isDiscussionEntry(raw)) continue;
    const result = webAnnotationSchema.safeParse(raw);
    yield result.success
      ? { index, ok: true, annotation: toImported(result.data) }
      : { index, ok: false, issues: toIssues(result.error, ["first", "items", index]) };
  }
}

/**
 * Checks a collection made by toAnnotationCollection (or by another tool using the same two selectors) around its
 * items, then reads the items lazily, one per step, so an importer can bound and pace them.
 */
export function readAnnotationCollection(
  json: unknown,
): { ok: true; count: number; items: Generator<TCollectionItem> } | { ok: false; issues: TJsonLdIssue[] } {
  const result = collectionEnvelopeSchema.safeParse(json);
  if (!result.success) return { ok: false, issues: toIssues(result.error) };
  const items = result.data.first.items;
  return { ok: true, count: items.filter((item) => !isDiscussionEntry(item)).length, items: readItems(items) };
}

/** Every annotation of a collection at once. Throws JsonLdImportError listing every problem with its JSON path. */
export function fromAnnotationCollection(json: unknown): TImportedAnnotation[] {
  const read = readAnnotationCollection(json);
  if (!read.ok) throw new JsonLdImportError(read.issues);
  const annotations: TImportedAnnotation[] = [];
  const issues: TJsonLdIssue[] = [];
  for (const item of read.items) {
    if (item.ok) annotations.push(item.annotation);
    else issues.push(...item.issues);
  }
  if (issues.length > 0) throw new JsonLdImportError(issues);
  return annotations;
}
