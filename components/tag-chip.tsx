import { TAG_LABELS, type TTag } from "@/lib/annotations/tags";

export const TAG_SHORT: Record<TTag, string> = {
  "anonymous-source": "ANON",
  "official-statement": "OFFICIAL",
  opinion: "OPINION",
};

/** Each tag's own underline in the article, named so that a legend does not rely on colour. */
export const TAG_LINE: Record<TTag, string> = {
  "anonymous-source": "dashed",
  "official-statement": "solid",
  opinion: "double",
};

/** Tag name with its colour swatch and underline style, so colour is never the only cue. */
export function TagChip({ tag, small = false }: { tag: TTag; small?: boolean }) {
  const label = TAG_LABELS[tag];
  return (
    <span className={`tag-chip tag-${tag}${small ? " small" : ""}`}>
      <span className="tag-swatch" aria-hidden />
      {label}
    </span>
  );
}
