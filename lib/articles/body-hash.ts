import { createHash } from "node:crypto";

/** Identifies the same text within a team (duplicate detection, import matching). */
export function bodyHash(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}
