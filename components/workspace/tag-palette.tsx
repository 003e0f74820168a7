"use client";

import { useEffect, useId, useRef } from "react";
import Link from "next/link";
import type { TCodebook } from "@/lib/annotations/codebook";
import { TAGS, TAG_LABELS, type TTag } from "@/lib/annotations/tags";

type Props = {
  position: { top: number; left: number };
  quote: string;
  codebook: TCodebook;
  tag: TTag | null;
  note: string;
  /** A problem to fix before saving (no tag chosen yet). */
  hint: string | null;
  /** Something the reader should know about the span (it was trimmed to the article). */
  notice: string | null;
  /** Opened from the keyboard: the note field takes focus, Enter saves, Esc goes back. */
  focusNote: boolean;
  onTag: (tag: TTag) => void;
  onNote: (note: string) => void;
  onSave: (tag?: TTag) => void;
  onCancel: () => void;
};

/**
 * Appears next to a selection: each tag with its definition and an example from the codebook; pick a tag (click,
 * or 1/2/3), optionally a note, Enter saves, Escape cancels.
 */
export function TagPalette({ position, quote, codebook, tag, note, hint, notice, focusNote, onTag, onNote, onSave, onCancel }: Props) {
  const noteRef = useRef<HTMLInputElement>(null);
  const id = useId();
  useEffect(() => {
    if (focusNote) noteRef.current?.focus({ preventScroll: true });
  }, [focusNote]);

  return (
    <div
      className="palette"
      role="dialog"
      aria-label="Tag the selected text"
      data-testid="tag-palette"
      style={{ top: position.top, left: position.left }}
      onMouseDown={(e) => {
        // Keep the text selection while the palette is used.
        if (!(e.target instanceof HTMLInputElement) && !(e.target instanceof HTMLAnchorElement)) e.preventDefault();
      }}
    >
      <p className="palette-quote" title={quote} id={`${id}-quote`}>
        “{quote.length > 80 ? `${quote.slice(0, 80)}…` : quote}”
      </p>
      {notice && (
        <p className="palette-notice" role="status">
          {notice}
        </p>
      )}
      <div className="palette-tags">
        {TAGS.map((t, i) => (
          <button
            key={t}
            type="button"
            className={`palette-tag tag-${t}${tag === t ? " chosen" : ""}`}
            aria-pressed={tag === t}
            aria-describedby={`${id}-${t}`}
            title={`${codebook[t].definition} For example: ${codebook[t].example}`}
            onClick={() => {
              onTag(t);
              onSave(t);
            }}
          >
            <span className="palette-tag-name">
              <kbd>{i + 1}</kbd> {TAG_LABELS[t]}
            </span>
            {/* The example shows on hover, focus and once chosen, so three of them do not make the palette tall. */}
            <span className="palette-tag-def" aria-hidden>
              {codebook[t].definition} <span className="palette-tag-example">e.g. {codebook[t].example}</span>
            </span>
            <span className="sr-only" id={`${id}-${t}`}>
              {codebook[t].definition} For example: {codebook[t].example}
            </span>
          </button>
        ))}
      </div>
      <input
        ref={noteRef}
        className="input palette-note"
        placeholder="Note (optional)"
        aria-label={tag ? `Note for ${TAG_LABELS[tag]}` : "Note"}
        aria-describedby={`${id}-quote ${id}-hint`}
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
        <span className={hint ? "palette-hint warn" : "palette-hint"} id={`${id}-hint`}>
          {hint ?? (
            <>
              {focusNote ? (tag ? "Enter saves" : "Shift+Tab to a tag") : "1 2 3 choose · Enter saves"} · Esc cancels ·{" "}
              <Link href="/how-to-tag" target="_blank">
                How to tag
              </Link>
            </>
          )}
        </span>
        <button type="button" className="button small primary palette-save" onClick={() => onSave()} disabled={!tag}>
          Save
        </button>
      </div>
    </div>
  );
}
