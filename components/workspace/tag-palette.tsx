"use client";

import { TAGS, TAG_LABELS, type TTag } from "@/lib/annotations/tags";

type Props = {
  position: { top: number; left: number };
  quote: string;
  tag: TTag | null;
  note: string;
  hint: string | null;
  onTag: (tag: TTag) => void;
  onNote: (note: string) => void;
  onSave: (tag?: TTag) => void;
  onCancel: () => void;
};

/** Appears next to a selection: pick a tag (click, or 1/2/3), optionally a note, Enter saves, Escape cancels. */
export function TagPalette({ position, quote, tag, note, hint, onTag, onNote, onSave, onCancel }: Props) {
  return (
    <div
      className="palette"
      role="dialog"
      aria-label="Tag the selected text"
      data-testid="tag-palette"
      style={{ top: position.top, left: position.left }}
      onMouseDown={(e) => {
        // Keep the text selection while the palette is used.
        if (!(e.target instanceof HTMLInputElement)) e.preventDefault();
      }}
    >
      <p className="palette-quote" title={quote}>
        “{quote.length > 80 ? `${quote.slice(0, 80)}…` : quote}”
      </p>
      <div className="palette-tags">
        {TAGS.map((t, i) => (
          <button
            key={t}
            type="button"
            className={`palette-tag tag-${t}${tag === t ? " chosen" : ""}`}
            aria-pressed={tag === t}
            onClick={() => {
              onTag(t);
              onSave(t);
            }}
          >
            <kbd>{i + 1}</kbd> {TAG_LABELS[t]}
          </button>
        ))}
      </div>
      <input
        className="input palette-note"
        placeholder="Note (optional)"
        aria-label="Note"
        value={note}
        maxLength={2000}
        onChange={(e) => onNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            onSave();
          } else if (e.key === "Escape") {
            e.preventDefault();
            onCancel();
          }
          e.stopPropagation();
        }}
      />
      <div className="palette-foot">
        <span className={hint ? "palette-hint warn" : "palette-hint"}>{hint ?? "1 2 3 choose · Enter saves · Esc cancels"}</span>
        <button type="button" className="button small primary" onClick={() => onSave()} disabled={!tag}>
          Save
        </button>
      </div>
    </div>
  );
}
