"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { CodePointIndex } from "@/lib/anchoring/code-points";
import { selectionToOffsets } from "@/lib/anchoring/dom-offsets";
import { trimRange } from "@/lib/anchoring/trim-range";
import type { TTag } from "@/lib/annotations/tags";
import { clampSelectionTo } from "./dom-range";

export type TDraft = {
  start: number;
  end: number;
  quote: string;
  top: number;
  left: number;
  /** Set when the palette was opened from the keyboard: focus goes to its note field. */
  fromKeyboard: boolean;
};

const PALETTE_WIDTH = 340;
const CLAMPED = "Only the article text can be tagged: the selection was trimmed to it.";

type Options = {
  bodyRef: RefObject<HTMLElement | null>;
  index: CodePointIndex;
  /** A palette is about to open (details of a highlight close). */
  onOpen: () => void;
};

/**
 * The selection observer and the palette's state: a settled selection in the article (mouse, or keyboard with
 * caret browsing) or a span from the sentence cursor becomes a draft with a tag and a note.
 */
export function useTagDraft({ bodyRef, index, onOpen }: Options) {
  const [draft, setDraft] = useState<TDraft | null>(null);
  const [tag, setTag] = useState<TTag | null>(null);
  const [note, setNote] = useState("");
  const [hint, setHint] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const close = useCallback(() => {
    setDraft(null);
    setTag(null);
    setNote("");
    setHint(null);
    setNotice(null);
  }, []);

  /** Opens the palette under `rect` for [start, end), trimmed of spaces; false when nothing is left. */
  const open = useCallback(
    (span: { start: number; end: number }, rect: DOMRect, options: { fromKeyboard: boolean; notice: string | null }) => {
      const root = bodyRef.current;
      const trimmed = root && trimRange(index, span.start, span.end);
      if (!root || !trimmed) return false;
      const host = root.getBoundingClientRect();
      onOpen();
      setDraft({
        ...trimmed,
        quote: index.slice(trimmed.start, trimmed.end),
        top: rect.bottom - host.top + 8,
        left: Math.max(0, Math.min(rect.left - host.left, host.width - PALETTE_WIDTH)),
        fromKeyboard: options.fromKeyboard,
      });
      setHint(null);
      setNotice(options.notice);
      return true;
    },
    [bodyRef, index, onOpen],
  );

  /** The window's selection, cut to the article; true when it opened the palette. */
  const captureSelection = useCallback((pointer?: { x: number; y: number }) => {
    const root = bodyRef.current;
    if (!root) return false;
    const clamp = clampSelectionTo(root, pointer);
    if (clamp === "none") return false;
    const found = selectionToOffsets(root, window.getSelection(), index.length);
    if (!found) return false;
    return open(found, found.rect, { fromKeyboard: false, notice: clamp === "clamped" ? CLAMPED : null });
  }, [bodyRef, index, open]);

  // A drag may end anywhere on the page (past the article's edge, in the side panel): the observer listens on
  // the whole document. Presses inside the palette or the details use the selection, they do not make one.
  const capture = useRef(captureSelection);
  useEffect(() => {
    capture.current = captureSelection;
  }, [captureSelection]);
  useEffect(() => {
    const onMouseUp = (e: MouseEvent) => {
      if ((e.target as Element | null)?.closest?.(".palette, .details-popover")) return;
      const pointer = { x: e.clientX, y: e.clientY };
      setTimeout(() => capture.current(pointer), 0);
    };
    document.addEventListener("mouseup", onMouseUp);
    return () => document.removeEventListener("mouseup", onMouseUp);
  }, []);

  const chooseTag = useCallback((t: TTag) => {
    setTag(t);
    setHint(null);
  }, []);

  return { draft, tag, note, hint, notice, setNote, setHint, chooseTag, open, close, captureSelection };
}
