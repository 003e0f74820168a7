"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { codePointLength, CodePointIndex } from "@/lib/anchoring/code-points";
import { selectionToOffsets } from "@/lib/anchoring/dom-offsets";
import { trimRange } from "@/lib/anchoring/trim-range";
import { TAGS, type TTag } from "@/lib/annotations/tags";
import type { TAnnotation } from "@/lib/annotations/serialize";
import { api, reviewsApi, type TSuggestionView } from "./api-client";
import { SuggestionPanel } from "./suggestion-panel";
import { AnnotationDetails } from "./annotation-details";
import { DetailsPopover } from "./details-popover";
import { useHighlightDetails } from "./use-highlight-details";
import { SuggestionToggle } from "./suggestion-toggle";
import { useSuggestions } from "./use-suggestions";
import { WorkspaceToast, type TToast } from "./workspace-toast";
import { AnnotationList } from "./annotation-list";
import { ArticleText } from "./article-text";
import { LayerControls, type TLayer } from "./layer-controls";
import { ReviewPanel } from "./review-panel";
import { TagPalette } from "./tag-palette";
import { ScorePanel } from "@/components/score/score-panel";

type Props = {
  article: { id: string; body: string };
  initialAnnotations: TAnnotation[];
  initialSuggestions: TSuggestionView[];
  /** `canDeleteAny`: whether the user may delete teammates' annotations too (the page asks lib/auth/permissions). */
  currentUser: { id: string; name: string; canDeleteAny: boolean };
};

type Draft = { start: number; end: number; quote: string; top: number; left: number };

const byPosition = (a: TAnnotation, b: TAnnotation) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt);
const LIST_PAGE = 100;

export function AnnotationWorkspace({ article, initialAnnotations, initialSuggestions, currentUser }: Props) {
  const codePoints = useMemo(() => Array.from(article.body), [article.body]);
  const index = useMemo(() => new CodePointIndex(article.body), [article.body]);
  const bodyLength = codePoints.length;
  const bodyRef = useRef<HTMLDivElement>(null);
  const [annotations, setAnnotations] = useState<TAnnotation[]>(() => [...initialAnnotations].sort(byPosition));
  const [layer, setLayer] = useState<TLayer>("everyone");
  const [hiddenTags, setHiddenTags] = useState<Set<TTag>>(new Set());
  const [draft, setDraft] = useState<Draft | null>(null);
  const [draftTag, setDraftTag] = useState<TTag | null>(null);
  const [draftNote, setDraftNote] = useState("");
  const [hint, setHint] = useState<string | null>(null);
  const [toast, setToast] = useState<TToast | null>(null);
  const dismissToast = useCallback(() => setToast(null), []);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState(LIST_PAGE);
  const [hideRejected, setHideRejected] = useState(false);
  // Bumped after every change that can move the score, so the score panel refetches.
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const tempCounter = useRef(0);
  const onAccepted = useCallback(
    (saved: TAnnotation) => {
      setAnnotations((list) => [...list.filter((a) => a.id !== saved.id), saved].sort(byPosition));
      bump();
    },
    [bump],
  );
  const onMessage = useCallback((kind: "info" | "error", text: string) => setToast({ kind, text }), []);
  const sg = useSuggestions({ articleId: article.id, initial: initialSuggestions, bodyRef, onAccepted, onMessage });
  const { next: nextSuggestion, accept: acceptSuggestion, dismiss: dismissSuggestion } = sg;
  const openSuggestions = sg.suggestions.length;

  const inLayer = useMemo(
    () =>
      annotations.filter((a) =>
        layer === "everyone" ? true : layer === "mine" ? a.author.id === currentUser.id : a.author.id === layer,
      ),
    [annotations, layer, currentUser.id],
  );
  const visible = useMemo(
    () => inLayer.filter((a) => !hiddenTags.has(a.tag as TTag) && !(hideRejected && a.status === "rejected")),
    [inLayer, hiddenTags, hideRejected],
  );
  const counts = useMemo(() => {
    const c = Object.fromEntries(TAGS.map((t) => [t, 0])) as Record<TTag, number>;
    for (const a of inLayer) if (a.tag in c) c[a.tag as TTag]++;
    return c;
  }, [inLayer]);
  const authors = useMemo(() => {
    const m = new Map<string, string>();
    for (const a of annotations) m.set(a.author.id, a.author.name);
    return [...m].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [annotations]);
  const { activeId, setActiveId, onActivate, scrollTo, getAnchor, closeDetails } = useHighlightDetails(bodyRef, visible);
  const active = annotations.find((a) => a.id === activeId) ?? null;

  const closeDraft = useCallback(() => {
    setDraft(null);
    setDraftTag(null);
    setDraftNote("");
    setHint(null);
  }, []);

  // Show the palette whenever a non-empty selection inside the article settles (mouse or keyboard).
  const captureSelection = useCallback(() => {
    const root = bodyRef.current;
    if (!root) return;
    const found = selectionToOffsets(root, window.getSelection(), bodyLength);
    if (!found) return;
    const trimmed = trimRange(index, found.start, found.end);
    if (!trimmed) return;
    const hostRect = root.getBoundingClientRect();
    setActiveId(null);
    setDraft({
      ...trimmed,
      quote: index.slice(trimmed.start, trimmed.end),
      top: found.rect.bottom - hostRect.top + 8,
      left: Math.max(0, Math.min(found.rect.left - hostRect.left, hostRect.width - 340)),
    });
    setHint(null);
  }, [bodyLength, index, setActiveId]);

  const saveDraft = useCallback(
    async (tagOverride?: TTag) => {
      const tag = tagOverride ?? draftTag;
      if (!draft) return;
      if (!tag) {
        setHint("Choose a tag first: 1, 2 or 3.");
        return;
      }
      const tempId = `temp-${++tempCounter.current}`;
      const now = new Date().toISOString();
      const optimistic: TAnnotation = {
        id: tempId,
        articleId: article.id,
        start: draft.start,
        end: draft.end,
        quote: draft.quote,
        prefix: "",
        suffix: "",
        tag,
        note: draftNote,
        author: { id: currentUser.id, name: currentUser.name, email: "" },
        status: "pending",
        agreeCount: 0,
        disagreeCount: 0,
        createdAt: now,
        updatedAt: now,
      };
      setAnnotations((list) => [...list, optimistic].sort(byPosition));
      closeDraft();
      window.getSelection()?.removeAllRanges();
      try {
        const saved = await api.createAnnotation(article.id, {
          start: optimistic.start,
          end: optimistic.end,
          tag,
          quote: optimistic.quote,
          ...(optimistic.note ? { note: optimistic.note } : {}),
        });
        setAnnotations((list) =>
          [...list.filter((a) => a.id !== tempId && a.id !== saved.id), saved].sort(byPosition),
        );
        setActiveId((id) => (id === tempId ? saved.id : id));
        bump();
      } catch (error) {
        setAnnotations((list) => list.filter((a) => a.id !== tempId));
        setToast({ kind: "error", text: `Not saved: ${(error as Error).message}` });
      }
    },
    [draft, draftTag, draftNote, article.id, currentUser.id, currentUser.name, closeDraft, bump, setActiveId],
  );


  // A layout effect: the handler that knows about a new palette is in place before the palette is painted,
  // so an Escape or Enter pressed the moment it appears reaches it.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")) return;
      // Inside the details popover, letters belong to its buttons and fields, not to the article's shortcuts.
      if (target?.closest?.(".details-popover")) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      if (!draft && (e.key === "n" || e.key === "y" || e.key === "x") && openSuggestions) {
        e.preventDefault();
        if (e.key === "n") nextSuggestion();
        else if (e.key === "y") acceptSuggestion();
        else dismissSuggestion();
        return;
      }
      if (!draft) {
        // Keyboard selection (caret browsing + shift+arrows): a shortcut opens the palette and tags at once.
        if (["1", "2", "3"].includes(e.key)) {
          const root = bodyRef.current;
          const sel = root ? selectionToOffsets(root, window.getSelection(), bodyLength) : null;
          if (sel) {
            e.preventDefault();
            const trimmed = trimRange(index, sel.start, sel.end);
            if (!trimmed) return;
            captureSelection();
            setDraftTag(TAGS[Number(e.key) - 1]!);
          }
        }
        if (e.key === "Escape") setActiveId(null);
        return;
      }
      if (["1", "2", "3"].includes(e.key)) {
        e.preventDefault();
        setDraftTag(TAGS[Number(e.key) - 1]!);
        setHint(null);
      } else if (e.key === "Enter") {
        e.preventDefault();
        void saveDraft();
      } else if (e.key === "Escape") {
        e.preventDefault();
        closeDraft();
        window.getSelection()?.removeAllRanges();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [draft, saveDraft, closeDraft, captureSelection, bodyLength, index, openSuggestions, nextSuggestion, acceptSuggestion, dismissSuggestion, setActiveId]);


  // /articles/<id>#<offset> (from the disagreement view) scrolls to that place in the text.
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


  async function saveChanges(changes: { tag?: TTag; note?: string }) {
    if (!active) return;
    setBusy(true);
    try {
      const updated = await api.updateAnnotation(active.id, changes);
      setAnnotations((list) => list.map((a) => (a.id === updated.id ? updated : a)).sort(byPosition));
      setToast({ kind: "info", text: "Annotation updated." });
      bump();
    } catch (error) {
      setToast({ kind: "error", text: `Not changed: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!active) return;
    const removed = active;
    setBusy(true);
    try {
      await api.deleteAnnotation(removed.id);
      setAnnotations((list) => list.filter((a) => a.id !== removed.id));
      setActiveId(null);
      bump();
      const restore = async () => {
        setToast(null);
        try {
          const again = await api.createAnnotation(article.id, {
            start: removed.start,
            end: removed.end,
            tag: removed.tag,
            ...(removed.note ? { note: removed.note } : {}),
          });
          setAnnotations((list) => [...list.filter((a) => a.id !== again.id), again].sort(byPosition));
          bump();
        } catch (error) {
          setToast({ kind: "error", text: `Could not restore: ${(error as Error).message}` });
        }
      };
      setToast({
        kind: "info",
        text: "Annotation deleted.",
        ...(removed.author.id === currentUser.id ? { undo: () => void restore() } : {}),
      });
    } catch (error) {
      setToast({ kind: "error", text: `Not deleted: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  async function refreshAnnotations() {
    try {
      const { annotations: fresh } = await reviewsApi.annotations(article.id);
      setAnnotations([...fresh].sort(byPosition));
    } catch (error) {
      setToast({ kind: "error", text: (error as Error).message });
    }
    bump();
  }

  const others = active ? annotations.filter((a) => a.id !== active.id && a.start < active.end && a.end > active.start) : [];

  return (
    <div className="workspace">
      <div className="workspace-main">
        <SuggestionToggle shown={sg.shown} onShown={sg.setShown} count={sg.suggestions.length} />
        <div
          ref={bodyRef}
          className="article-body"
          data-testid="article-body"
          data-length={bodyLength}
          onMouseUp={() => setTimeout(captureSelection, 0)}
          onKeyUp={(e) => {
            if (e.shiftKey) captureSelection();
          }}
        >
          <ArticleText
            codePoints={codePoints}
            annotations={visible}
            suggestions={sg.drawn}
            onActivate={onActivate}
            onSuggestion={sg.onClickInText}
          />
          {draft && (
            <TagPalette
              position={{ top: draft.top, left: draft.left }}
              quote={draft.quote}
              tag={draftTag}
              note={draftNote}
              hint={hint}
              onTag={setDraftTag}
              onNote={setDraftNote}
              onSave={(t) => void saveDraft(t)}
              onCancel={closeDraft}
            />
          )}
        </div>
        <p className="hint muted">
          Select text to tag it; click a highlight, or <kbd>Tab</kbd> to it and press <kbd>Enter</kbd>, for its details. Shortcuts: <kbd>1</kbd> anonymous source, <kbd>2</kbd> official statement, <kbd>3</kbd> opinion,{" "}
          <kbd>Enter</kbd> save, <kbd>Esc</kbd> cancel; suggestions: <kbd>n</kbd> next, <kbd>y</kbd> accept, <kbd>x</kbd> dismiss. Text is counted in {codePointLength(article.body).toLocaleString("en-US")} characters.
        </p>
      </div>
      <aside className="workspace-side" aria-label="Annotations">
        <ScorePanel articleId={article.id} version={version} onJump={(_start, ids) => ids[0] && scrollTo(ids[0])} />
        <LayerControls
          hideRejected={hideRejected}
          onHideRejected={setHideRejected}
          layer={layer}
          authors={authors}
          currentUserId={currentUser.id}
          onLayer={setLayer}
          hiddenTags={hiddenTags}
          onToggleTag={(t) =>
            setHiddenTags((s) => {
              const next = new Set(s);
              if (next.has(t)) next.delete(t);
              else next.add(t);
              return next;
            })
          }
          counts={counts}
        />
        <SuggestionPanel
          index={index}
          suggestions={sg.suggestions}
          focused={sg.focused}
          busy={sg.busy}
          onNext={sg.next}
          onAccept={sg.accept}
          onDismiss={sg.dismiss}
        />
        <section className="card side-list" data-testid="annotation-sidebar">
          <h2>
            Annotations <span className="muted">({visible.length})</span>
          </h2>
          <AnnotationList
            annotations={visible}
            activeId={activeId}
            onSelect={scrollTo}
            shown={shown}
            onShowMore={() => setShown((n) => n + LIST_PAGE)}
          />
        </section>
      </aside>
      {active && (
        <DetailsPopover anchor={getAnchor} onClose={closeDetails}>
          <AnnotationDetails
            key={`${active.id}:${active.updatedAt}`}
            annotation={active}
            others={others}
            canEdit={active.author.id === currentUser.id}
            canDelete={active.author.id === currentUser.id || currentUser.canDeleteAny}
            busy={busy}
            onPick={scrollTo}
            onSave={(c) => void saveChanges(c)}
            onDelete={() => void remove()}
            onClose={() => closeDetails("button")}
          >
            <ReviewPanel
              key={active.id}
              annotationId={active.id}
              annotationTag={active.tag}
              canReview={active.author.id !== currentUser.id}
              currentUserId={currentUser.id}
              onReviewed={() => void refreshAnnotations()}
            />
          </AnnotationDetails>
        </DetailsPopover>
      )}
      <WorkspaceToast toast={toast} onDismiss={dismissToast} />
    </div>
  );
}
