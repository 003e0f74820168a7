import type { TDiscussion } from "@/lib/discussion/find-discussions";
import type { Verdict } from "@/lib/generated/prisma/enums";

// An annotation's thread in the Web Annotation model: each reply is an annotation with motivation "replying" and
// each review one with motivation "assessing", both targeting the annotation they answer by its IRI.

type TCreator = { type: "Person"; name: string; email: string };
type TPlainBody = { type: "TextualBody"; value: string; format: "text/plain" };

export type TReplyEntry = {
  id: string;
  type: "Annotation";
  motivation: "replying";
  created: string;
  modified: string;
  creator: TCreator;
  body: TPlainBody;
  target: string;
};

export type TAssessmentEntry = {
  id: string;
  type: "Annotation";
  motivation: "assessing";
  created: string;
  creator: TCreator;
  /** The verdict (purpose `assessing`), then the reviewer's comment (purpose `commenting`) when there is one. */
  body: (
    | { type: "TextualBody"; purpose: "assessing"; value: Verdict }
    | (TPlainBody & { purpose: "commenting" })
  )[];
  target: string;
};

export const DISCUSSION_MOTIVATIONS: readonly string[] = ["replying", "assessing"];

const person = (p: { name: string; email: string }): TCreator => ({ type: "Person", name: p.name, email: `mailto:${p.email}` });

/**
 * The thread of the annotation at `annotationIri` as Web Annotations, oldest first within each kind: replies, then
 * reviews. Replies and reviews have no resource of their own in the API, so their IRIs are fragments of the
 * annotation's replies and reviews lists.
 */
export function discussionEntries(annotationIri: string, thread: TDiscussion): (TReplyEntry | TAssessmentEntry)[] {
  const replies = thread.replies.map(
    (r): TReplyEntry => ({
      id: `${annotationIri}/replies#${encodeURIComponent(r.id)}`,
      type: "Annotation",
      motivation: "replying",
      created: r.createdAt.toISOString(),
      modified: r.updatedAt.toISOString(),
      creator: person(r.author),
      body: { type: "TextualBody", value: r.text, format: "text/plain" },
      target: annotationIri,
    }),
  );
  const reviews = thread.reviews.map(
    (r): TAssessmentEntry => ({
      id: `${annotationIri}/reviews#${encodeURIComponent(r.id)}`,
      type: "Annotation",
      motivation: "assessing",
      created: r.givenAt.toISOString(),
      creator: person(r.reviewer),
      body: [
        { type: "TextualBody", purpose: "assessing", value: r.verdict },
        ...(r.comment === "" ? [] : [{ type: "TextualBody" as const, purpose: "commenting" as const, value: r.comment, format: "text/plain" as const }]),
      ],
      target: annotationIri,
    }),
  );
  return [...replies, ...reviews];
}

/** Whether a collection's item is a reply or an assessment (motivation "replying" or "assessing"): not an annotation of the text. */
export function isDiscussionEntry(item: unknown): boolean {
  if (typeof item !== "object" || item === null || !("motivation" in item)) return false;
  const { motivation } = item;
  const motivations: unknown[] = Array.isArray(motivation) ? motivation : [motivation];
  return motivations.some((m) => typeof m === "string" && DISCUSSION_MOTIVATIONS.includes(m));
}
