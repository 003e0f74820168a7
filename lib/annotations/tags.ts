import { AnnotationStatus, Tag } from "@/lib/generated/prisma/enums";

// The API's names, which are also what the database and raw SQL hold. Prisma Client names them differently
// (anonymous_source: prisma/schema.prisma says why), so rows read or written through it convert with dbTag/apiTag.
export const TAGS = ["anonymous-source", "official-statement", "opinion"] as const;
export type TTag = (typeof TAGS)[number];

export const TAG_LABELS: Record<TTag, string> = {
  "anonymous-source": "Anonymous source",
  "official-statement": "Official statement",
  opinion: "Opinion",
};

export function isTag(value: unknown): value is TTag {
  return typeof value === "string" && (TAGS as readonly string[]).includes(value);
}

// The database's enum (prisma/schema.prisma), in its declared order.
export const STATUSES = Object.values(AnnotationStatus);
export type TStatus = AnnotationStatus;

const TO_DB: Record<TTag, Tag> = {
  "anonymous-source": Tag.anonymous_source,
  "official-statement": Tag.official_statement,
  opinion: Tag.opinion,
};
const TO_API = Object.fromEntries(TAGS.map((t) => [TO_DB[t], t])) as Record<Tag, TTag>;

/** The Prisma Client name of an API tag, for a where clause or a write. */
export const dbTag = (tag: TTag): Tag => TO_DB[tag];

/** The API name of a tag Prisma Client read. */
export const apiTag = (tag: Tag): TTag => TO_API[tag];

/** A row Prisma Client read, with its tag under the API's name. */
export function withApiTag<T extends { tag: Tag }>(row: T): Omit<T, "tag"> & { tag: TTag } {
  return { ...row, tag: apiTag(row.tag) };
}
