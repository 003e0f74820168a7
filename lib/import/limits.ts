import { MAX_BODY_CODE_POINTS } from "@/lib/articles/schemas";

export { MAX_BODY_CODE_POINTS };

/** One import request (all its files together), in bytes: larger is 413 before anything is parsed. */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

/** Articles in one import (a JSON or CSV file, or several text files). */
export const MAX_ARTICLES_PER_IMPORT = 5_000;

/** Annotations in one import file. */
export const MAX_ANNOTATIONS_PER_IMPORT = 100_000;

/** Files in one multipart import. */
export const MAX_FILES_PER_IMPORT = 200;

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}
