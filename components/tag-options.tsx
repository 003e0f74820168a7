import { TAG_LABELS, TAGS } from "@/lib/annotations/tags";

/** The `<option>`s of a tag `<select>`, in the tags' fixed order; `except` leaves out the tag being judged. */
export function TagOptions({ except }: { except?: string }) {
  return TAGS.filter((t) => t !== except).map((t) => (
    <option key={t} value={t}>
      {TAG_LABELS[t]}
    </option>
  ));
}
