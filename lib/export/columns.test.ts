import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, rowToCells } from "./columns";
import { exportRow } from "@/test/support/export-rows";

describe("CSV_COLUMNS", () => {
  it("is exactly the contract's header, in order", () => {
    expect(CSV_COLUMNS.join(",")).toBe(
      "annotation_id,article_id,article_title,outlet,annotator_email,annotator_name,tag,start,end,quote,note," +
        "status,agree_count,disagree_count,created_at,updated_at",
    );
  });
});

describe("rowToCells", () => {
  it("gives one cell per column, in column order, numbers as numbers and dates as ISO 8601 UTC", () => {
    const cells = rowToCells(
      exportRow({
        createdAt: "2026-11-25T09:08:07.006Z",
        updatedAt: "2026-11-25T10:00:00.000Z",
        agreeCount: 2,
        disagreeCount: 1,
      }),
    );
    expect(cells).toEqual([
      "ann_1",
      "art_1",
      "City hall budget",
      "The Daily",
      "alice@example.org",
      "Alice",
      "opinion",
      10,
      15,
      "hello",
      "",
      "pending",
      2,
      1,
      "2026-11-25T09:08:07.006Z",
      "2026-11-25T10:00:00.000Z",
    ]);
    expect(cells).toHaveLength(CSV_COLUMNS.length);
  });

  it("turns a missing outlet into an empty cell", () => {
    expect(rowToCells(exportRow({ outlet: null }))[CSV_COLUMNS.indexOf("outlet")]).toBe("");
  });
});
