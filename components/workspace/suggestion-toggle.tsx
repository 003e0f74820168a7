"use client";

type Props = { shown: boolean; onShown: (shown: boolean) => void; count: number };

/** The one switch for the detector's proposals; the choice is kept per browser. */
export function SuggestionToggle({ shown, onShown, count }: Props) {
  return (
    <label className="check sg-toggle">
      <input type="checkbox" checked={shown} onChange={(e) => onShown(e.target.checked)} data-testid="suggestions-toggle" />
      <span className="sg-swatch" aria-hidden />
      <span>
        Show suggestions <span className="muted">({count}, dotted boxes, not saved until accepted)</span>
      </span>
    </label>
  );
}
