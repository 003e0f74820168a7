"use client";

import { useCallback, useEffect, useMemo, useState, type RefObject } from "react";
import type { CodePointIndex } from "@/lib/anchoring/code-points";
import { boundaryToOffset } from "@/lib/anchoring/dom-offsets";
import { caretAt, rangeOfOffsets } from "./dom-range";

const HIGHLIGHT = "sentence-cursor";
// The sticky header covers the top of the window: a sentence under it is not "in view".
const HEADER = 72;

type Options = {
  bodyRef: RefObject<HTMLElement | null>;
  index: CodePointIndex;
  /** Flat [start, end, …] code-point offsets of the article's sentences, in text order. */
  sentences: readonly number[];
  /** Whatever re-renders the article's segments: the cursor is drawn again after it. */
  rendered: unknown;
};

type TCursor = { anchor: number; focus: number };

/**
 * Keyboard tagging without caret browsing: a cursor over whole sentences. It moves and extends sentence by
 * sentence, is drawn with the CSS Custom Highlight API (so it never re-cuts the text or touches the selection),
 * and is announced to screen readers.
 */
export function useSentenceCursor({ bodyRef, index, sentences, rendered }: Options) {
  const count = sentences.length / 2;
  const [cursor, setCursor] = useState<TCursor | null>(null);

  const span = useMemo(() => {
    if (!cursor) return null;
    const first = Math.min(cursor.anchor, cursor.focus);
    const last = Math.max(cursor.anchor, cursor.focus);
    return { first, last, start: sentences[2 * first]!, end: sentences[2 * last + 1]! };
  }, [cursor, sentences]);

  /** Starts on the first sentence that begins in view (the first one when the article is above the window). */
  const enter = useCallback(() => {
    const root = bodyRef.current;
    if (!root || count === 0) return false;
    const box = root.getBoundingClientRect();
    const style = getComputedStyle(root);
    const x = box.left + parseFloat(style.paddingLeft) + 1;
    const y = Math.max(box.top + parseFloat(style.paddingTop), HEADER) + 4;
    const caret = y < Math.min(box.bottom, window.innerHeight) ? caretAt(x, y) : null;
    const offset = caret && root.contains(caret.node) ? boundaryToOffset(root, caret.node, caret.offset, index.length) : 0;
    let i = 0;
    while (i < count - 1 && sentences[2 * i]! < offset) i++;
    setCursor({ anchor: i, focus: i });
    return true;
  }, [bodyRef, count, sentences, index.length]);

  /** One sentence on (delta 1) or back (-1); `extend` moves only the moving end, as Shift+arrows do in text. */
  const move = useCallback(
    (delta: 1 | -1, extend: boolean) => {
      setCursor((c) => {
        if (!c) return c;
        const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
        if (extend) return { anchor: c.anchor, focus: clamp(c.focus + delta) };
        const from = delta > 0 ? Math.max(c.anchor, c.focus) : Math.min(c.anchor, c.focus);
        const next = clamp(from + delta);
        return { anchor: next, focus: next };
      });
    },
    [count],
  );

  const leave = useCallback(() => setCursor(null), []);

  // Drawn again whenever the segments under it were replaced, and kept in view.
  useEffect(() => {
    const root = bodyRef.current;
    if (typeof CSS === "undefined" || !("highlights" in CSS)) return;
    if (!span || !root) {
      CSS.highlights.delete(HIGHLIGHT);
      return;
    }
    const range = rangeOfOffsets(root, span.start, span.end);
    if (!range) return;
    CSS.highlights.set(HIGHLIGHT, new Highlight(range));
    return () => {
      CSS.highlights.delete(HIGHLIGHT);
    };
  }, [span, bodyRef, rendered]);

  const focusEnd = cursor?.focus;
  useEffect(() => {
    const root = bodyRef.current;
    if (focusEnd === undefined || !root) return;
    const range = rangeOfOffsets(root, sentences[2 * focusEnd]!, sentences[2 * focusEnd + 1]!);
    const rect = range?.getBoundingClientRect();
    if (!rect) return;
    if (rect.top < HEADER || rect.bottom > window.innerHeight) {
      window.scrollBy({ top: rect.top - (HEADER + window.innerHeight) / 2 + rect.height / 2, behavior: "instant" });
    }
  }, [focusEnd, sentences, bodyRef]);

  const announcement = span
    ? `${span.first === span.last ? `Sentence ${span.first + 1}` : `Sentences ${span.first + 1} to ${span.last + 1}`} of ${count}: ${index.slice(span.start, span.end)}`
    : "";

  return { active: cursor !== null, span, count, announcement, enter, move, leave };
}
