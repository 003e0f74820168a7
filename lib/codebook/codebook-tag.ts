import { isTag, TAGS, type TTag } from "@/lib/annotations/tags";
import { AppError } from "@/lib/errors";

/** A tag named in a request's path: one of the three, or a 404 that lists them. */
export function codebookTag(value: string): TTag {
  if (isTag(value)) return value;
  throw new AppError("NOT_FOUND", `There is no tag “${value}” in the codebook; the tags are ${TAGS.join(", ")}.`, "tag");
}
