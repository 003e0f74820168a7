import { notFound } from "next/navigation";
import { AppError, type TErrorCode } from "@/lib/errors";

// A page shows Next's not-found page for what is not in the user's team and for what their role may not open:
// the same answer as for an id that does not exist (the API's 403s are for callers who already know the route).
const NOT_FOUND_ON_PAGES: ReadonlySet<TErrorCode> = new Set(["NOT_FOUND", "FORBIDDEN"]);

/** What a page loads, with the app's NOT_FOUND and FORBIDDEN answered by `notFound()`; anything else is thrown on. */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && NOT_FOUND_ON_PAGES.has(error.code)) notFound();
    throw error;
  }
}
