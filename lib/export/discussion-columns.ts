import type { TDiscussion } from "@/lib/discussion/find-discussions";
import type { TCsvCell } from "./columns";

// The order is part of the public API contract (api.md, Export): append-only, never reorder.
export const DISCUSSION_CSV_COLUMNS = ["annotation_id", "article_id", "author_email", "kind", "verdict", "text", "created_at"] as const;

type TEntry = { at: Date; id: string; cells: TCsvCell[] };

/**
 * An annotation's thread as CSV rows, in the order it reads: one row per reply (kind `reply`, no verdict) and per
 * review (kind `review`, its verdict, its comment as the text, dated when that verdict was given).
 */
export function discussionCells(annotation: { annotationId: string; articleId: string }, thread: TDiscussion): TCsvCell[][] {
  const { annotationId, articleId } = annotation;
  const entries: TEntry[] = [
    ...thread.replies.map((r) => ({ at: r.createdAt, id: r.id, cells: [annotationId, articleId, r.author.email, "reply", "", r.text, r.createdAt.toISOString()] })),
    ...thread.reviews.map((r) => ({ at: r.givenAt, id: r.id, cells: [annotationId, articleId, r.reviewer.email, "review", r.verdict, r.comment, r.givenAt.toISOString()] })),
  ];
  entries.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return entries.map((e) => e.cells);
}
