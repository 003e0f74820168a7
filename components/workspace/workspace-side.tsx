"use client";

import { useCallback, useState } from "react";
import type { CodePointIndex } from "@/lib/anchoring/code-points";
import { ScorePanel } from "@/components/score/score-panel";
import type { TArticleScore } from "@/components/score/use-article-score";
import { AnnotationList } from "./annotation-list";
import { LayerControls } from "./layer-controls";
import { SuggestionPanel } from "./suggestion-panel";
import type { useLayers } from "./use-layers";
import type { useSuggestions } from "./use-suggestions";

const LIST_PAGE = 100;

type Props = {
  index: CodePointIndex;
  score: { data: TArticleScore; error: string | null };
  layers: ReturnType<typeof useLayers>;
  suggestions: ReturnType<typeof useSuggestions>;
  currentUserId: string;
  activeId: string | null;
  onPick: (id: string) => void;
};

/** Beside the article: the score, what is shown, the suggestion in focus, and the list of annotations. */
export function WorkspaceSide({ index, score, layers, suggestions: sg, currentUserId, activeId, onPick }: Props) {
  const [shown, setShown] = useState(LIST_PAGE);
  const onJump = useCallback((_start: number, ids: string[]) => ids[0] && onPick(ids[0]), [onPick]);
  return (
    <aside className="workspace-side" aria-label="Annotations">
      <ScorePanel data={score.data} error={score.error} onJump={onJump} />
      <LayerControls
        hideRejected={layers.hideRejected}
        onHideRejected={layers.setHideRejected}
        layer={layers.layer}
        authors={layers.authors}
        currentUserId={currentUserId}
        onLayer={layers.setLayer}
        hiddenTags={layers.hiddenTags}
        onToggleTag={layers.toggleTag}
        counts={layers.counts}
      />
      <SuggestionPanel
        index={index}
        suggestions={sg.suggestions}
        focused={sg.focused}
        marked={sg.marked}
        busy={sg.busy}
        onNext={sg.next}
        onAccept={sg.accept}
        onDismiss={sg.dismiss}
      />
      <section className="card side-list" data-testid="annotation-sidebar">
        <h2>
          Annotations <span className="muted">({layers.visible.length})</span>
        </h2>
        <AnnotationList
          annotations={layers.visible}
          activeId={activeId}
          onSelect={onPick}
          shown={shown}
          onShowMore={() => setShown((n) => n + LIST_PAGE)}
        />
      </section>
    </aside>
  );
}
