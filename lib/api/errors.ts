import { ZodError } from "zod";

/** An error the API answers with its own status and `{"error": {code, message, field?}}` body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const unauthorized = () => new ApiError(401, "UNAUTHORIZED", "You need to log in to do this.");
export const forbidden = (message = "You are not allowed to do this.", code = "FORBIDDEN") =>
  new ApiError(403, code, message);
export const notFound = (what = "Resource") => new ApiError(404, "NOT_FOUND", `${what} not found.`);

export function fromZodError(error: ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.map(String).join(".") : undefined;
  const tooBig = issue?.code === "too_big" && field === "body";
  const message = issue ? `${field ? `${field}: ` : ""}${issue.message}` : "Invalid input.";
  return new ApiError(tooBig ? 413 : 400, tooBig ? "TOO_LARGE" : "INVALID_INPUT", message, field);
}

export function errorBody(error: ApiError) {
  return { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } };
}
