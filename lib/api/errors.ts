import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { httpStatus } from "./status";

export function fromZodError(error: ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.length ? issue.path.map(String).join(".") : undefined;
  const tooBig = issue?.code === "too_big" && field === "body";
  const message = issue ? `${field ? `${field}: ` : ""}${issue.message}` : "Invalid input.";
  return new AppError(tooBig ? "TOO_LARGE" : "INVALID_INPUT", message, field);
}

/** The contract's error body: `{"error": {code, message, field?}}`, plus what the error adds (an import's problems). */
export function errorBody(error: AppError) {
  return { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}), ...error.details } };
}

/** An error as the API answers it: the body above, with the status lib/api/status.ts gives its code. */
export function errorJson(error: AppError, headers?: HeadersInit): Response {
  return Response.json(errorBody(error), { status: httpStatus(error.code), headers });
}

/** Any error thrown while answering: the app's own as they are, invalid input as 400, anything else as a 500. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return errorJson(error);
  if (error instanceof ZodError) return errorJson(fromZodError(error));
  if ((error as { code?: unknown })?.code === "P2002") return errorJson(new AppError("CONFLICT", "That already exists."));
  console.error("Unhandled API error", error);
  return errorJson(new AppError("INTERNAL", "Something went wrong on our side."));
}
