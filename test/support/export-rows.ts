import type { TExportRow } from "@/lib/export/columns";

/** A plain row for tests; override only what a test is about. */
export function exportRow(overrides: Partial<TExportRow> = {}): TExportRow {
  return {
    annotationId: "ann_1",
    articleId: "art_1",
    articleTitle: "City hall budget",
    outlet: "The Daily",
    annotatorEmail: "alice@example.org",
    annotatorName: "Alice",
    tag: "opinion",
    start: 10,
    end: 15,
    quote: "hello",
    note: "",
    status: "pending",
    agreeCount: 0,
    disagreeCount: 0,
    createdAt: "2026-11-25T10:00:00.000Z",
    updatedAt: "2026-11-25T11:30:00.000Z",
    ...overrides,
  };
}
