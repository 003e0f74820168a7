import { codePointToUtf16 } from "@/lib/anchoring/code-points";

export type TClamp = "none" | "inside" | "clamped";

/** The text position under a point of the window, in browsers old and new. */
export function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  if (typeof document.caretPositionFromPoint === "function") {
    const p = document.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = document.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/**
 * Cuts the window's selection down to the part inside `root`, so a drag that starts in the headline or ends in
 * the side panel tags the article text it covers instead of being ignored. A drag that left the article sideways
 * ends where the pointer was level with the text (`pointer`, where the mouse was released): that is the line the
 * reader was pointing at, not the end of the article the browser's selection ran on to. The selection itself is
 * changed, so the reader sees what will be tagged. "none": no selection, or none of it in `root`.
 */
export function clampSelectionTo(root: HTMLElement, pointer?: { x: number; y: number }): TClamp {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return "none";
  const range = selection.getRangeAt(0);
  const inside = root.ownerDocument.createRange();
  inside.selectNodeContents(root);
  // -1 before the article, 0 within it, 1 after it.
  const from = inside.comparePoint(range.startContainer, range.startOffset);
  const to = inside.comparePoint(range.endContainer, range.endOffset);
  if (from === 1 || to === -1) return "none";
  if (from === 0 && to === 0) return "inside";
  const clamped = range.cloneRange();
  if (from === -1) clamped.setStart(root, 0);
  if (to === 1) {
    const box = root.getBoundingClientRect();
    const level = pointer && pointer.y >= box.top && pointer.y <= box.bottom ? caretAt(Math.min(pointer.x, box.right - 2), pointer.y) : null;
    const segments = root.querySelectorAll("[data-s]");
    const last = segments[segments.length - 1];
    if (level && root.contains(level.node) && clamped.comparePoint(level.node, level.offset) === 0) clamped.setEnd(level.node, level.offset);
    // Otherwise after the last character of the text, not after the palette that may follow it.
    else if (last) clamped.setEndAfter(last);
    else clamped.setEnd(root, root.childNodes.length);
  }
  selection.removeAllRanges();
  selection.addRange(clamped);
  return "clamped";
}

function segmentText(el: HTMLElement): Text | null {
  const node = el.firstChild;
  return node && node.nodeType === Node.TEXT_NODE ? (node as Text) : null;
}

/**
 * A DOM range over body offsets [start, end) (code points), found through the `data-s` segments the article is
 * rendered in (see lib/anchoring/dom-offsets.ts). Null when the text is not rendered.
 */
export function rangeOfOffsets(root: HTMLElement, start: number, end: number): Range | null {
  const segments = [...root.querySelectorAll<HTMLElement>("[data-s]")];
  // The last segment starting at or before `offset` (strictly before, for an end: it then closes its segment).
  const find = (offset: number, isEnd: boolean) => {
    let lo = 0;
    let hi = segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = Number(segments[mid]!.dataset.s);
      if (isEnd ? s < offset : s <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const el = segments[found];
    const text = el && segmentText(el);
    return text ? { text, offset: codePointToUtf16(text.data, offset - Number(el.dataset.s)) } : null;
  };
  const a = find(start, false);
  const b = find(end, true);
  if (!a || !b) return null;
  const range = root.ownerDocument.createRange();
  range.setStart(a.text, a.offset);
  range.setEnd(b.text, b.offset);
  return range;
}
