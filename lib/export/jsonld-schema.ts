import { z } from "zod";
import { isTag, TAGS } from "@/lib/annotations/tags";

/** The Web Annotation JSON-LD context; https is accepted on input because some tools write it. */
export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
const ANNO_CONTEXTS: readonly unknown[] = [ANNO_CONTEXT, "https://www.w3.org/ns/anno.jsonld"];

// The model lets most properties be one value or an array of them; readers must take both.
function oneOrMany<T extends z.ZodType>(item: T, what: string) {
  return z
    .union([item, z.array(item)], { error: `must be ${what} or an array of them` })
    .transform((value): z.output<T>[] => (Array.isArray(value) ? value : [value]));
}

const context = z
  .unknown()
  .refine((value) => (Array.isArray(value) ? value : [value]).some((entry) => ANNO_CONTEXTS.includes(entry)), {
    error: `must be or include "${ANNO_CONTEXT}"`,
  });

const textQuoteSelector = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z.string({ error: "exact must be a string" }).min(1, "exact must not be empty"),
  prefix: z.string({ error: "prefix must be a string" }).default(""),
  suffix: z.string({ error: "suffix must be a string" }).default(""),
});

const offset = z.int({ error: "must be a non-negative integer" }).nonnegative("must be a non-negative integer");

const textPositionSelector = z
  .object({ type: z.literal("TextPositionSelector"), start: offset, end: offset })
  .refine((selector) => selector.start < selector.end, { error: "end must be greater than start", path: ["end"] });

// Other selector kinds (CSS, XPath, fragment…) may sit alongside ours; they are allowed and ignored.
const selector = z.union([z.string(), z.looseObject({ type: z.unknown() })], {
  error: "must be an IRI or a selector object",
});

const target = z
  .looseObject({
    source: z.string({ error: "must be the IRI of the annotated article" }).min(1),
    selector: oneOrMany(selector, "a selector"),
  })
  .transform((value, ctx) => {
    const quote = pick(value.selector, "TextQuoteSelector", textQuoteSelector, ctx);
    const position = pick(value.selector, "TextPositionSelector", textPositionSelector, ctx);
    if (quote === undefined || position === undefined) return z.NEVER;
    return { source: value.source, quote, position };
  });

/** Validates the one selector of `type` (reporting issues at its own path) or reports that it is missing. */
function pick<T extends z.ZodType>(
  selectors: readonly unknown[],
  type: string,
  schema: T,
  ctx: z.RefinementCtx,
): z.output<T> | undefined {
  const index = selectors.findIndex((s) => typeof s === "object" && s !== null && "type" in s && s.type === type);
  if (index === -1) {
    ctx.addIssue({ code: "custom", message: `needs a ${type}`, path: ["selector"] });
    return undefined;
  }
  const result = schema.safeParse(selectors[index]);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    ctx.addIssue({ code: "custom", message: issue.message, path: ["selector", index, ...issue.path] });
  }
  return undefined;
}

const textualBody = z.looseObject({
  type: z.unknown(),
  purpose: z.unknown(),
  value: z.unknown(),
});

const body = oneOrMany(z.union([z.string(), textualBody], { error: "must be an IRI or a body object" }), "a body")
  .transform((bodies, ctx) => {
    const withPurpose = (purpose: string) =>
      bodies.flatMap((b, i) => (typeof b === "object" && b.purpose === purpose ? [{ b, i }] : []));
    const tagging = withPurpose("tagging");
    const commenting = withPurpose("commenting");
    const [tag] = tagging;
    if (tagging.length !== 1 || tag === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `needs exactly one body with purpose "tagging" (found ${tagging.length})`,
      });
      return z.NEVER;
    }
    const value = tag.b.value;
    if (!isTag(value)) {
      ctx.addIssue({
        code: "custom",
        message: `tag must be one of ${TAGS.join(", ")} (got ${JSON.stringify(value)})`,
        path: [tag.i, "value"],
      });
      return z.NEVER;
    }
    const [comment, ...extraComments] = commenting;
    if (extraComments.length > 0) {
      ctx.addIssue({ code: "custom", message: `has ${commenting.length} "commenting" bodies; at most one is allowed` });
      return z.NEVER;
    }
    if (comment === undefined) return { tag: value, note: "" };
    const note = comment.b.value;
    if (typeof note !== "string") {
      ctx.addIssue({ code: "custom", message: "the note must be a string", path: [comment.i, "value"] });
      return z.NEVER;
    }
    return { tag: value, note };
  });

const mailbox = z
  .string()
  .transform((value) => value.replace(/^mailto:/i, ""))
  .pipe(z.string().regex(/^[^\s@]+@[^\s@]+$/, "must be an email address (mailto: IRI)"));

const creator = z.union(
  [z.looseObject({ name: z.string().optional(), email: mailbox.optional() }), z.string()],
  { error: "must be an agent object or an IRI" },
);

/** One Web Annotation of a collection's page. */
export const webAnnotationSchema = z.looseObject({
  id: z.string().optional(),
  type: z.literal("Annotation", { error: 'must be "Annotation"' }),
  created: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }).optional(),
  creator: creator.optional(),
  body,
  target,
});

function pageOf<T extends z.ZodType>(items: T) {
  return z.looseObject(
    {
      type: z.literal("AnnotationPage", { error: 'must be "AnnotationPage"' }),
      items,
      next: z
        .undefined({ error: "multi-page collections are not supported: export everything into one page" })
        .optional(),
    },
    {
      error: (issue) =>
        issue.input === undefined
          ? "is missing: the annotations must be in an embedded first AnnotationPage"
          : "must be an embedded AnnotationPage; a link to a page cannot be followed",
    },
  );
}

function collectionOf<T extends z.ZodType>(items: T) {
  return z
    .looseObject({
      "@context": context,
      type: z.literal("AnnotationCollection", { error: 'must be "AnnotationCollection"' }),
      total: z.int().nonnegative().optional(),
      first: pageOf(items),
    })
    .superRefine(({ first, total }, ctx) => {
      const count = (first as { items: unknown[] }).items.length;
      if (total !== undefined && total !== count) {
        ctx.addIssue({
          code: "custom",
          message: `is ${total} but the first page holds ${count} annotations`,
          path: ["total"],
        });
      }
    });
}

const ITEMS_ERROR = { error: "must be an array of annotations" };

/** An AnnotationCollection whose annotations are all embedded in its first page. */
export const annotationCollectionSchema = collectionOf(z.array(webAnnotationSchema, ITEMS_ERROR));

/** The same collection with its items not yet looked at: an importer checks them one at a time. */
export const collectionEnvelopeSchema = collectionOf(z.array(z.unknown(), ITEMS_ERROR));
