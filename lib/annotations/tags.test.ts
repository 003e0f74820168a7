import { describe, expect, it } from "vitest";
import { Tag } from "@/lib/generated/prisma/enums";
import { apiTag, dbTag, TAGS, withApiTag } from "./tags";

describe("tag names", () => {
  it("round-trips every API tag through Prisma Client's name", () => {
    for (const tag of TAGS) expect(apiTag(dbTag(tag))).toBe(tag);
    expect(new Set(TAGS.map(dbTag))).toEqual(new Set(Object.values(Tag)));
  });

  it("maps the hyphenated names to Prisma Client's", () => {
    expect(dbTag("anonymous-source")).toBe("anonymous_source");
    expect(apiTag(Tag.official_statement)).toBe("official-statement");
    expect(withApiTag({ id: "a", tag: Tag.opinion })).toEqual({ id: "a", tag: "opinion" });
  });
});
