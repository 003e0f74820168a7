"use client";

import { TAGS, TAG_LABELS, type TTag } from "@/lib/annotations/tags";
import { TAG_LINE } from "@/components/tag-chip";

export type TLayer = "everyone" | "mine" | string;

type Props = {
  layer: TLayer;
  authors: { id: string; name: string }[];
  currentUserId: string;
  onLayer: (layer: TLayer) => void;
  hiddenTags: ReadonlySet<TTag>;
  onToggleTag: (tag: TTag) => void;
  counts: Record<TTag, number>;
  hideRejected: boolean;
  onHideRejected: (hide: boolean) => void;
};

/**
 * What the marks other than a tag's own underline mean. Each has its own shape (box, stripes, wave), so no two
 * look alike even without colour, and none reuses a tag's underline style.
 */
function MarksKey() {
  return (
    <div className="marks-key" data-testid="marks-key">
      <p className="marks-key-title">Other marks</p>
      <ul>
        <li className="legend-suggested">
          <span className="mark-swatch mark-suggested" aria-hidden />
          Suggested, not saved: dotted box
        </li>
        <li>
          <span className="mark-swatch mark-overlap" aria-hidden />
          Different tags overlap: striped
        </li>
        <li>
          <span className="mark-swatch mark-rejected" aria-hidden />
          Rejected in review: wavy underline, no fill
        </li>
      </ul>
    </div>
  );
}

/** Whose annotations to show, which tags, and the legend with counts per tag. */
export function LayerControls({ layer, authors, currentUserId, onLayer, hiddenTags, onToggleTag, counts, hideRejected, onHideRejected }: Props) {
  return (
    <div className="layer-controls card">
      <label className="field">
        <span>Show</span>
        <select value={layer} onChange={(e) => onLayer(e.target.value)} data-testid="layer-select">
          <option value="everyone">Everyone&apos;s annotations</option>
          <option value="mine">Mine only</option>
          {authors
            .filter((a) => a.id !== currentUserId)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} only
              </option>
            ))}
        </select>
      </label>
      <fieldset className="legend">
        <legend>Tags</legend>
        {TAGS.map((t) => (
          <label key={t} className={`legend-item tag-${t}`}>
            <input type="checkbox" checked={!hiddenTags.has(t)} onChange={() => onToggleTag(t)} />
            <span className="legend-swatch" aria-hidden />
            <span className="legend-label">
              {TAG_LABELS[t]} <span className="legend-style">{TAG_LINE[t]}</span>
            </span>
            <span className="legend-count" data-testid={`count-${t}`}>
              {counts[t]}
            </span>
          </label>
        ))}
      </fieldset>
      <MarksKey />
      <label className="check">
        <input type="checkbox" checked={hideRejected} onChange={(e) => onHideRejected(e.target.checked)} />
        Hide rejected annotations
      </label>
    </div>
  );
}
