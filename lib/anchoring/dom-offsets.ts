// The one place where browser selections (DOM nodes + UTF-16 offsets) become body offsets in code points.
// The article text is rendered so that every element carrying `data-s` holds exactly one text node whose
// first code point is body[data-s]; that makes the mapping exact and independent of layout.
import { utf16ToCodePoint } from "./code-points";

function segmentStart(text: Text): number | null {
  const owner = text.parentElement?.closest<HTMLElement>("[data-s]");
  const value = owner?.dataset.s;
  return value === undefined ? null : Number(value);
}

function textNodes(root: HTMLElement): Text[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (segmentStart(n as Text) !== null) nodes.push(n as Text);
  }
  return nodes;
}

/** Body offset (code points) of a DOM boundary point inside `root`; `bodyLength` when it is past the end. */
export function boundaryToOffset(root: HTMLElement, node: Node, offset: number, bodyLength: number): number {
  if (node.nodeType === Node.TEXT_NODE) {
    const start = segmentStart(node as Text);
    if (start !== null) return start + utf16ToCodePoint((node as Text).data, offset);
  }
  // An element boundary (triple-click, a selection ending before a paragraph): the position is the start
  // of the first text at or after it.
  const range = root.ownerDocument.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  for (const text of textNodes(root)) {
    if (range.comparePoint(text, 0) >= 0) return segmentStart(text)!;
  }
  return bodyLength;
}

/** The selection's range within the article as body offsets, or null if it is empty or outside it. */
export function selectionToOffsets(root: HTMLElement, selection: Selection | null, bodyLength: number) {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const start = boundaryToOffset(root, range.startContainer, range.startOffset, bodyLength);
  const end = boundaryToOffset(root, range.endContainer, range.endOffset, bodyLength);
  return start < end ? { start, end, rect: range.getBoundingClientRect() } : null;
}
