"use client";

import { CodePointIndex } from "@/lib/anchoring/code-points";
import { TagChip } from "@/components/tag-chip";
import type { TSuggestion } from "@/lib/suggestions/types";

type Props = {
  index: CodePointIndex;
  suggestions: TSuggestion[];
  focused: number;
  /** The reader has turned to suggestions: until then none is put forward to accept. */
  marked: boolean;
  busy: boolean;
  onNext: () => void;
  onAccept: () => void;
  onDismiss: () => void;
};

/** The suggestion in focus: what the detector proposes and why; y accepts, x dismisses, n moves on. */
export function SuggestionPanel({ index, suggestions, focused, marked, busy, onNext, onAccept, onDismiss }: Props) {
  const current = suggestions[focused] ?? null;
  return (
    <section className="card suggestions" aria-label="Suggestions" data-testid="suggestion-panel">
      <h2>
        Suggestions <span className="muted">({suggestions.length})</span>
      </h2>
      {!current ? (
        <p className="muted small-text">No open suggestions. Accepted ones are annotations now; dismissed ones stay hidden for you.</p>
      ) : !marked ? (
        <>
          <p className="small-text">
            The app&apos;s guesses at sourcing, drawn as dotted boxes in the text. None is saved or counted until you accept it.
          </p>
          <div className="row">
            <button type="button" className="button small" onClick={onNext}>
              Go through suggestions <kbd>n</kbd>
            </button>
          </div>
        </>
      ) : (
        <>
          <div className="suggestion-head">
            <TagChip tag={current.tag} small />
            <span className="muted small-text">
              {focused + 1} of {suggestions.length}
            </span>
          </div>
          {/* A long passage scrolls inside its box: focusable so that keyboard users can scroll it too. */}
          <blockquote className="details-quote" data-testid="suggestion-quote" tabIndex={0} aria-label="Suggested passage">
            {index.slice(current.start, current.end)}
          </blockquote>
          <p className="small-text">
            <strong>Why:</strong> {current.reason} <span className="muted">({current.rule})</span>
          </p>
          <div className="row">
            <button type="button" className="button small verdict-agree-btn" disabled={busy} onClick={onAccept}>
              Accept <kbd>y</kbd>
            </button>
            <button type="button" className="button small" disabled={busy} onClick={onDismiss}>
              Dismiss <kbd>x</kbd>
            </button>
            <button type="button" className="button small ghost" onClick={onNext}>
              Next <kbd>n</kbd>
            </button>
          </div>
          <p className="muted small-text">Suggestions never count in scores until you accept them.</p>
        </>
      )}
    </section>
  );
}
