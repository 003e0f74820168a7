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

/** One HTML file: it is converted to text several times over, so it gets less room than the whole upload. */
export const MAX_HTML_BYTES = 5 * 1024 * 1024;

/** Elements nested inside each other in an HTML file; real pages stay far below it. */
export const MAX_HTML_DEPTH = 200;

/** Arrays and objects nested inside each other in a JSON file; our own formats need fewer than ten. */
export const MAX_JSON_DEPTH = 64;

/** Arrays and objects in one JSON file: far more than the most annotations or articles an import may hold need. */
export const MAX_JSON_CONTAINERS = 2_000_000;

/** Problems listed in a refusal; the rest are only counted. */
export const MAX_REPORTED_PROBLEMS = 100;

/** Wall-clock time to read and check one import's files before it is refused as too slow. */
export const IMPORT_TIME_LIMIT_MS = 60_000;

/** Wall-clock time for converting one request's HTML files, and the memory the converter may use. */
export const HTML_TIME_LIMIT_MS = 30_000;
export const HTML_MEMORY_MB = 384;

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
