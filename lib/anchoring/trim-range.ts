import { CodePointIndex } from "./code-points";

const WHITESPACE = /\s/u;

/**
 * Shrinks [start, end) (code points) past leading and trailing whitespace.
 * Returns null when nothing but whitespace was selected.
 */
export function trimRange(index: CodePointIndex, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(index.length, Math.max(start, end));
  while (s < e && WHITESPACE.test(index.slice(s, s + 1))) s++;
  while (e > s && WHITESPACE.test(index.slice(e - 1, e))) e--;
  return s < e ? { start: s, end: e } : null;
}
