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

export const STATUSES = ["pending", "accepted", "rejected"] as const;
export type TStatus = (typeof STATUSES)[number];

// Rows read back from the database: tag and status were validated on the way in.
export function typed<T extends { tag: string; status?: string }>(row: T): Omit<T, "tag" | "status"> & { tag: TTag } & (T extends { status: string } ? { status: TStatus } : unknown) {
  return row as never;
}
