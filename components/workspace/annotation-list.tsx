"use client";

import type { TAnnotation } from "@/lib/annotations/serialize";
import { TagChip } from "@/components/tag-chip";

type Props = {
  annotations: readonly TAnnotation[];
  activeId: string | null;
  onSelect: (id: string) => void;
  pageSize?: number;
  shown: number;
  onShowMore: () => void;
};

/** The article's annotations in text order; choosing one scrolls to its highlight. */
export function AnnotationList({ annotations, activeId, onSelect, shown, onShowMore }: Props) {
  if (annotations.length === 0) {
    return <p className="muted side-empty">No annotations in this view yet. Select text in the article to add one.</p>;
  }
  return (
    <>
      <ol className="ann-list" data-testid="annotation-list">
        {annotations.slice(0, shown).map((a) => (
          <li key={a.id} data-annotation-id={a.id} data-status={a.status}>
            <button
              type="button"
              className={`ann-item${a.id === activeId ? " active" : ""}${a.status === "rejected" ? " rejected" : ""}`}
              onClick={() => onSelect(a.id)}
              aria-current={a.id === activeId ? "true" : undefined}
            >
              <span className="ann-item-head">
                <TagChip tag={a.tag} small />
                <span className="ann-author">{a.author.name}</span>
              </span>
              <span className="ann-quote">“{a.quote.length > 140 ? `${a.quote.slice(0, 140)}…` : a.quote}”</span>
            </button>
          </li>
        ))}
      </ol>
      {shown < annotations.length && (
        <button type="button" className="button small ghost" onClick={onShowMore}>
          Show {Math.min(100, annotations.length - shown)} more of {annotations.length - shown}
        </button>
      )}
    </>
  );
}
