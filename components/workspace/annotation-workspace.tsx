"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CodePointIndex } from "@/lib/anchoring/code-points";
import { selectionToOffsets } from "@/lib/anchoring/dom-offsets";
import type { TCodebook } from "@/lib/annotations/codebook";
import type { TTag } from "@/lib/annotations/tags";
import type { TAnnotation } from "@/lib/annotations/serialize";
import { ThreadToggle } from "@/components/discussion/thread-toggle";
import { useThreadLink } from "@/components/discussion/use-thread-link";
import { ScoreSummary } from "@/components/score/score-summary";
import { useArticleScore, type TArticleScore } from "@/components/score/use-article-score";
import type { TSuggestion } from "@/lib/suggestions/types";
import { AnnotationDetails } from "./annotation-details";
import { useAnnotationStore } from "./annotation-store";
import { ArticleText } from "./article-text";
import { DetailsPopover } from "./details-popover";
import { rangeOfOffsets } from "./dom-range";
import { ReviewPanel } from "./review-panel";
import { TagPalette } from "./tag-palette";
import { useAnnotationActions } from "./use-annotation-actions";
import { useHighlightDetails } from "./use-highlight-details";
import { useLiveAnnotations } from "./use-live-annotations";
import { useLayers } from "./use-layers";
import { useSentenceCursor } from "./use-sentence-cursor";
import { useSuggestions } from "./use-suggestions";
import { useTagDraft } from "./use-tag-draft";
import { useWorkspaceKeys } from "./use-workspace-keys";
import { WorkspaceBar } from "./workspace-bar";
import { WorkspaceSide } from "./workspace-side";
import { WorkspaceToast, type TToast } from "./workspace-toast";
import "./workspace.css";

type Props = {
  article: { id: string; body: string };
  initialAnnotations: TAnnotation[];
  initialSuggestions: TSuggestion[];
  initialScore: TArticleScore;
  /** Flat [start, end, …] code-point offsets of the article's sentences, for the keyboard cursor. */
  sentences: readonly number[];
  codebook: TCodebook;
  /** `canDeleteAny`: whether the user may delete teammates' annotations too (the page asks lib/auth/permissions). */
  currentUser: { id: string; name: string; canDeleteAny: boolean };
};

/**
 * The article page's workspace. Each job has its own module: the store (annotation-store), talking to the server
 * (use-annotation-actions), the selection observer and palette state (use-tag-draft), the highlighter
 * (article-text), the keyboard (use-workspace-keys, use-sentence-cursor), details (use-highlight-details) and
 * suggestions (use-suggestions). This component wires them together.
 */
export function AnnotationWorkspace({ article, initialAnnotations, initialSuggestions, initialScore, sentences, codebook, currentUser }: Props) {
  const codePoints = useMemo(() => Array.from(article.body), [article.body]);
  const index = useMemo(() => new CodePointIndex(article.body), [article.body]);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [annotations, dispatch] = useAnnotationStore(initialAnnotations);
  const [toast, setToast] = useState<TToast | null>(null);
  const dismissToast = useCallback(() => setToast(null), []);
  // Bumped after every change that can move the score, so the score is fetched again.
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const score = useArticleScore(article.id, initialScore, version);
  useLiveAnnotations(article.id, dispatch, bump);

  const onAccepted = useCallback(
    (saved: TAnnotation) => {
      dispatch({ type: "upsert", annotation: saved });
      bump();
    },
    [dispatch, bump],
  );
  const onMessage = useCallback((kind: "info" | "error", text: string) => setToast({ kind, text }), []);
  const sg = useSuggestions({ articleId: article.id, initial: initialSuggestions, bodyRef, onAccepted, onMessage });
  const layers = useLayers(annotations, currentUser.id);
  const { activeId, setActiveId, onActivate, scrollTo, getAnchor, closeDetails } = useHighlightDetails(bodyRef, layers.visible);
  const active = annotations.find((a) => a.id === activeId) ?? null;
  // The discussion stays shown from one annotation's details to the next once the reader opened it.
  const [threadOpen, setThreadOpen] = useState(false);
  const [threadVersion, setThreadVersion] = useState(0);
  useThreadLink({
    has: (id) => annotations.some((a) => a.id === id),
    show: scrollTo,
    openThread: () => setThreadOpen(true),
    onMissing: () => setToast({ kind: "info", text: "The annotation this link points to is no longer there." }),
  });

  const onRenamed = useCallback((tempId: string, savedId: string) => setActiveId((id) => (id === tempId ? savedId : id)), [setActiveId]);
  const unsetActive = useCallback(() => setActiveId(null), [setActiveId]);
  const actions = useAnnotationActions({
    articleId: article.id,
    currentUser,
    dispatch,
    onToast: setToast,
    onChanged: bump,
    onRenamed,
    onDeleted: unsetActive,
  });
  const palette = useTagDraft({ bodyRef, index, onOpen: unsetActive });
  const rendered = useMemo(() => [layers.visible, sg.drawn], [layers.visible, sg.drawn]);
  const cursor = useSentenceCursor({ bodyRef, index, sentences, rendered });

  // The article takes focus while the cursor is on (it is focusable only then), so its keys and its
  // description reach screen readers.
  useEffect(() => {
    if (cursor.active) bodyRef.current?.focus({ preventScroll: true });
  }, [cursor.active]);

  const { draft, close: closeDraft } = palette;
  // After the palette closes, keyboard focus goes back to the sentence cursor that opened it.
  const endDraft = useCallback(() => {
    closeDraft();
    if (cursor.active) bodyRef.current?.focus({ preventScroll: true });
  }, [closeDraft, cursor.active]);

  const saveDraft = useCallback(
    (tagOverride?: TTag) => {
      const tag = tagOverride ?? palette.tag;
      if (!draft) return;
      if (!tag) {
        palette.setHint("Choose a tag first: 1, 2 or 3.");
        return;
      }
      void actions.create(draft, tag, palette.note);
      endDraft();
      window.getSelection()?.removeAllRanges();
    },
    [draft, palette, actions, endDraft],
  );

  const tagCursor = useCallback(
    (tag: TTag | null) => {
      const root = bodyRef.current;
      const range = root && cursor.span && rangeOfOffsets(root, cursor.span.start, cursor.span.end);
      if (!range || !cursor.span) return;
      const rects = range.getClientRects();
      if (palette.open(cursor.span, rects[rects.length - 1] ?? range.getBoundingClientRect(), { fromKeyboard: true, notice: null }) && tag) {
        palette.chooseTag(tag);
      }
    },
    [cursor.span, palette],
  );

  const { enter: startCursor } = cursor;
  const enterCursor = useCallback(() => {
    closeDetails("outside");
    startCursor();
  }, [startCursor, closeDetails]);

  useWorkspaceKeys({
    draftOpen: draft !== null,
    cursorActive: cursor.active,
    suggestionsOpen: sg.suggestions.length > 0,
    chooseTag: palette.chooseTag,
    saveDraft: () => saveDraft(),
    cancelDraft: () => {
      endDraft();
      window.getSelection()?.removeAllRanges();
    },
    tagSelection: (tag) => {
      const root = bodyRef.current;
      if (!root || !selectionToOffsets(root, window.getSelection(), index.length)) return false;
      if (palette.captureSelection()) palette.chooseTag(tag);
      return true;
    },
    enterCursor,
    moveCursor: cursor.move,
    tagCursor,
    leaveCursor: cursor.leave,
    nextSuggestion: sg.next,
    acceptSuggestion: sg.accept,
    dismissSuggestion: sg.dismiss,
    closeDetails: () => setActiveId(null),
  });

  // /articles/<id>#<offset> (from the disagreement view and the review queue) scrolls to that place in the text.
  useEffect(() => {
    const offset = Number(window.location.hash.slice(1));
    if (!window.location.hash || !Number.isInteger(offset)) return;
    const nodes = bodyRef.current?.querySelectorAll<HTMLElement>("[data-s]") ?? [];
    let target: HTMLElement | null = null;
    for (const el of nodes) {
      if (Number(el.dataset.s) <= offset) target = el;
      else break;
    }
    if (target) {
      target.scrollIntoView({ block: "center" });
      target.classList.add("flash");
    }
  }, []);

  const others = active ? annotations.filter((a) => a.id !== active.id && a.start < active.end && a.end > active.start) : [];

  return (
    <div className="workspace">
      <div className="workspace-main">
        <ScoreSummary data={score.data} />
        <WorkspaceBar suggestions={{ shown: sg.shown, onShown: sg.setShown, count: sg.suggestions.length }} onKeyboard={enterCursor} />
        <div
          ref={bodyRef}
          className={`article-body${cursor.active ? " cursor-on" : ""}`}
          data-testid="article-body"
          data-length={index.length}
          {...(cursor.active
            ? {
                tabIndex: -1,
                role: "application",
                "aria-roledescription": "sentence cursor",
                "aria-label": "Article text",
                "aria-describedby": "sentence-cursor-keys",
              }
            : {})}
          onPointerDown={(e) => {
            // The mouse takes over from the keyboard cursor.
            if (cursor.active && !(e.target as Element).closest(".palette")) cursor.leave();
          }}
          onKeyUp={(e) => {
            if (e.shiftKey && !cursor.active) palette.captureSelection();
          }}
          onBlur={(e) => {
            // Focus leaving the article (not into the palette inside it) ends the cursor; a window losing focus does not.
            if (cursor.active && !e.currentTarget.contains(e.relatedTarget as Node | null) && e.relatedTarget) cursor.leave();
          }}
        >
          <ArticleText codePoints={codePoints} annotations={layers.visible} suggestions={sg.drawn} onActivate={onActivate} onSuggestion={sg.onClickInText} />
          {draft && (
            <TagPalette
              position={{ top: draft.top, left: draft.left }}
              quote={draft.quote}
              codebook={codebook}
              tag={palette.tag}
              note={palette.note}
              hint={palette.hint}
              notice={palette.notice}
              focusNote={draft.fromKeyboard}
              onTag={palette.chooseTag}
              onNote={palette.setNote}
              onSave={saveDraft}
              onCancel={endDraft}
            />
          )}
        </div>
        <p id="sentence-cursor-keys" className="sr-only">
          Up and down arrows move by sentence, Shift with an arrow extends, 1, 2 or 3 tags, Enter adds a note, Escape stops.
        </p>
        <p className="sr-only" aria-live="polite" data-testid="cursor-announcement">
          {cursor.announcement}
        </p>
      </div>
      <WorkspaceSide
        index={index}
        score={score}
        layers={layers}
        suggestions={sg}
        currentUserId={currentUser.id}
        activeId={activeId}
        onPick={scrollTo}
      />
      {active && (
        <DetailsPopover anchor={getAnchor} onClose={closeDetails}>
          <AnnotationDetails
            key={active.id}
            annotation={active}
            others={others}
            canEdit={active.author.id === currentUser.id}
            canDelete={active.author.id === currentUser.id || currentUser.canDeleteAny}
            busy={actions.busy}
            onPick={scrollTo}
            onSave={(c) => void actions.update(active.id, c)}
            onDelete={() => void actions.remove(active)}
            onClose={() => closeDetails("button")}
          >
            <ReviewPanel
              key={active.id}
              annotationId={active.id}
              annotationTag={active.tag}
              canReview={active.author.id !== currentUser.id}
              currentUserId={currentUser.id}
              listed={!threadOpen}
              onReviewed={() => {
                void actions.reload();
                setThreadVersion((v) => v + 1);
              }}
            />
            <ThreadToggle key={`thread:${active.id}`} annotationId={active.id} currentUserId={currentUser.id} open={threadOpen} onOpen={setThreadOpen} version={threadVersion} />
          </AnnotationDetails>
        </DetailsPopover>
      )}
      <WorkspaceToast toast={toast} onDismiss={dismissToast} />
    </div>
  );
}
