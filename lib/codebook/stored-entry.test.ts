import { describe, expect, it } from "vitest";
import { DEFAULT_CODEBOOK, ZCodebook } from "@/lib/annotations/codebook";
import { TAGS } from "@/lib/annotations/tags";
import { entryColumns, entryFromRow, entryWhere, rowTag } from "./stored-entry";

const opinion = DEFAULT_CODEBOOK.opinion;

describe("stored codebook entries", () => {
  it("the built-in codebook passes its own schema", () => {
    expect(ZCodebook.parse(DEFAULT_CODEBOOK)).toEqual(DEFAULT_CODEBOOK);
  });

  it("read back what they were written as", () => {
    expect(entryFromRow(entryColumns(opinion))).toEqual(opinion);
  });

  it("read as null when a column does not pass the schema, so the caller falls back", () => {
    const good = entryColumns(opinion);
    expect(entryFromRow({ ...good, moreExamples: "not json" })).toBeNull();
    expect(entryFromRow({ ...good, notThis: '{"a": 1}' })).toBeNull();
    expect(entryFromRow({ ...good, notThis: '[""]' })).toBeNull();
    expect(entryFromRow({ ...good, definition: "" })).toBeNull();
    expect(entryFromRow({ ...good, example: "x".repeat(201) })).toBeNull();
    expect(entryFromRow({ ...good, moreExamples: JSON.stringify(Array.from({ length: 11 }, () => ({ quote: "q" }))) })).toBeNull();
  });

  it("are keyed by the tag as Prisma Client names it, and read back under the API's name", () => {
    expect(entryWhere("team", "anonymous-source")).toEqual({ teamId: "team", tag: "anonymous_source" });
    for (const tag of TAGS) expect(rowTag(entryWhere("team", tag))).toBe(tag);
  });
});
