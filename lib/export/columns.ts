import type { TStatus, TTag } from "@/lib/annotations/tags";

// The order is part of the public API contract (api.md, Export): append-only, never reorder.
export const CSV_COLUMNS = [
  "annotation_id",
  "article_id",
  "article_title",
  "outlet",
  "annotator_email",
  "annotator_name",
  "tag",
  "start",
  "end",
  "quote",
  "note",
  "status",
  "agree_count",
  "disagree_count",
  "created_at",
  "updated_at",
] as const;

export type TCsvColumn = (typeof CSV_COLUMNS)[number];

/** One exported annotation, already joined with its article and annotator. */
export type TExportRow = {
  annotationId: string;
  articleId: string;
  articleTitle: string;
  outlet: string | null;
  annotatorEmail: string;
  annotatorName: string;
  tag: TTag;
  /** Code-point offsets into the article body, as in the API. */
  start: number;
  end: number;
  quote: string;
  /** "" when there is none, as stored. */
  note: string;
  status: TStatus;
  agreeCount: number;
  disagreeCount: number;
  /** ISO 8601 UTC with milliseconds ("2026-11-25T10:00:00.000Z"), as the API gives them. */
  createdAt: string;
  updatedAt: string;
};

/** A cell as handed to the CSV writer: numbers stay numbers so they are never neutralised. */
export type TCsvCell = string | number;

// A mapped type over the column names makes the compiler reject a column without a cell, or a stray one.
const CELL: { readonly [K in TCsvColumn]: (row: TExportRow) => TCsvCell } = {
  annotation_id: (r) => r.annotationId,
  article_id: (r) => r.articleId,
  article_title: (r) => r.articleTitle,
  outlet: (r) => r.outlet ?? "",
  annotator_email: (r) => r.annotatorEmail,
  annotator_name: (r) => r.annotatorName,
  tag: (r) => r.tag,
  start: (r) => r.start,
  end: (r) => r.end,
  quote: (r) => r.quote,
  note: (r) => r.note,
  status: (r) => r.status,
  agree_count: (r) => r.agreeCount,
  disagree_count: (r) => r.disagreeCount,
  created_at: (r) => r.createdAt,
  updated_at: (r) => r.updatedAt,
};

/** The row's cells in CSV_COLUMNS order; null becomes "" and dates ISO 8601 UTC. */
export function rowToCells(row: TExportRow): TCsvCell[] {
  return CSV_COLUMNS.map((column) => CELL[column](row));
}
