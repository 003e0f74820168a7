import { AnnotationStatus } from "@/lib/generated/prisma/enums";

// Stored as text, not as a database enum (prisma/schema.prisma says why), so this list is the one source of tags.
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

// Rows read back from the database: the tag was validated on the way in.
export function typed<T extends { tag: string }>(row: T): Omit<T, "tag"> & { tag: TTag } {
  return row as never;
}
