import { isTag, TAG_LABELS } from "@/lib/annotations/tags";

type TSnapshot = Record<string, unknown>;

const isSnapshot = (value: unknown): value is TSnapshot => typeof value === "object" && value !== null && !Array.isArray(value);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "an Opinion annotation on “…”, rejected, with 1 review", from a lifecycle snapshot (lifecycleSnapshot). */
function annotationPhrase(s: TSnapshot): string {
  // Every tag label starts with a vowel: "an Opinion annotation".
  const tag = isTag(s.tag) ? `${TAG_LABELS[s.tag]} annotation` : "annotation";
  const quote = typeof s.quote === "string" ? (s.quote.length > 80 ? `${s.quote.slice(0, 80)}…` : s.quote) : "";
  const status = typeof s.status === "string" ? `, ${s.status}` : "";
  const reviews = typeof s.reviews === "number" ? `, with ${plural(s.reviews, "review")}` : "";
  return `an ${tag}${quote ? ` on “${quote}”` : ""}${status}${reviews}`;
}

/**
 * A sentence for the annotation lifecycle events (delete, restore, purge), whose raw snapshots do not say what
 * happened to the reviews; null for every other event, which the audit page shows as its before/after fields.
 */
export function describeAuditEvent(event: { action: string; before: unknown; after: unknown }): string | null {
  switch (event.action) {
    case "annotation.delete":
      return isSnapshot(event.before) ? `Deleted ${annotationPhrase(event.before)}; kept, so it can be restored.` : null;
    case "annotation.restore":
      return isSnapshot(event.after) ? `Restored ${annotationPhrase(event.after)}, as it was when deleted.` : null;
    case "annotation.purge": {
      if (!isSnapshot(event.before)) return null;
      const by = isSnapshot(event.after) && typeof event.after.replacedBy === "string" ? ` by annotation ${event.after.replacedBy}` : "";
      return `Removed for good the deleted ${annotationPhrase(event.before).replace(/^an /, "")}: its author saved the same span and tag again (replaced${by}).`;
    }
    default:
      return null;
  }
}
