import { httpStatus } from "@/lib/api/status";

/**
 * Every error code the app answers with (docs/api.md, Errors). Domain code picks one of these and never an HTTP
 * status: lib/api/status.ts is the one table that turns a code into a status at the API boundary.
 */
export const ERROR_CODES = [
  // What the request sent: its body, query string or form.
  "INVALID_INPUT",
  "INVALID_JSON",
  "INVALID_FORM",
  "DUPLICATE_FIELD",
  "UNSUPPORTED_MEDIA_TYPE",
  "UNSUPPORTED_FORMAT",
  "TOO_LARGE",
  "TOO_SLOW",
  "IMPORT_REJECTED",
  "BAD_AUTH_REQUEST",
  "FETCH_REFUSED",
  "UNKNOWN_MENTION",
  // Who is asking.
  "UNAUTHORIZED",
  "WRONG_PASSWORD",
  "RATE_LIMITED",
  "CROSS_ORIGIN",
  "FORBIDDEN",
  "NOT_AUTHOR",
  "OWN_ANNOTATION",
  // What the request addresses.
  "NOT_FOUND",
  "SUGGESTION_NOT_FOUND",
  "METHOD_NOT_ALLOWED",
  "OUT_OF_RANGE",
  "QUOTE_MISMATCH",
  "DUPLICATE_ANNOTATION",
  "NOT_DELETED",
  "ANNOTATION_REPLACED",
  "DUPLICATE_ARTICLE",
  "EMAIL_TAKEN",
  "LAST_ADMIN",
  "CONFLICT",
  // Ours.
  "INTERNAL",
] as const;

export type TErrorCode = (typeof ERROR_CODES)[number];

/** An error the app reports to its caller: a stable code, a sentence for people, and the input field at fault. */
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly field?: string,
    /** More members of the error body, for the errors that report more than one problem (imports). */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = "AppError";
  }

  /** The status the API answers this error with: read from lib/api/status.ts, never chosen where it is thrown. */
  get status(): number {
    return httpStatus(this.code);
  }
}

/** No such thing in the caller's team: the same answer whether it exists elsewhere or not at all. */
export const notFound = (what = "Resource", field?: string) => new AppError("NOT_FOUND", `${what} not found.`, field);
