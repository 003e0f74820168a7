import { TAG_LABELS } from "@/lib/annotations/tags";
import type { TOrphan } from "@/lib/annotations/find-orphans";
import { plural } from "@/lib/ui/format";

/** The annotations a correction of the text left without a place: what they said, for someone to annotate again. */
export function OrphanedAnnotations({ orphans }: { orphans: TOrphan[] }) {
  if (orphans.length === 0) return null;
  return (
    <section className="card" aria-labelledby="orphans-head" data-testid="orphans">
      <h2 id="orphans-head">Lost in a correction ({orphans.length})</h2>
      <p className="muted small-text">
        {plural(orphans.length, "annotation")} could not be found in the corrected text. They no longer count in scores or exports; their
        reviews and discussion are kept. Annotate the passage again where it now stands.
      </p>
      <ul className="orphan-list">
        {orphans.map((o) => (
          <li key={o.id}>
            <q>{o.quote}</q>{" "}
            <span className="muted small-text">
              {TAG_LABELS[o.tag]} · {o.author.name}
              {o.note ? ` · note: ${o.note}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
