// Offsets in the API count Unicode code points; JavaScript strings and the DOM count UTF-16 units.
// Every conversion between the two goes through this file.

const SURROGATE = /[\uD800-\uDFFF]/;

export function hasAstral(text: string): boolean {
  return SURROGATE.test(text);
}

export function codePointLength(text: string): number {
  if (!hasAstral(text)) return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A high surrogate followed by a low one is one code point; count it at the high half.
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) continue;
    }
    n++;
  }
  return n;
}

/** UTF-16 index of the code point at `cp` (or text.length when cp is the end). Clamped to the text. */
export function codePointToUtf16(text: string, cp: number): number {
  if (cp <= 0) return 0;
  if (!hasAstral(text)) return Math.min(cp, text.length);
  let seen = 0;
  let i = 0;
  while (i < text.length && seen < cp) {
    const c = text.charCodeAt(i);
    const isPair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1));
    i += isPair ? 2 : 1;
    seen++;
  }
  return i;
}

/** Code-point index of the UTF-16 index `u`; an index inside a surrogate pair rounds down to the pair's start. */
export function utf16ToCodePoint(text: string, u: number): number {
  const end = Math.max(0, Math.min(u, text.length));
  if (!hasAstral(text)) return end;
  let cp = 0;
  let i = 0;
  while (i < end) {
    const c = text.charCodeAt(i);
    const isPair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1));
    if (isPair && i + 1 === end) break;
    i += isPair ? 2 : 1;
    cp++;
  }
  return cp;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** body[start:end] in code points, as Python slices it. */
export function sliceCodePoints(text: string, start: number, end?: number): string {
  if (!hasAstral(text)) return text.slice(start, end);
  const from = codePointToUtf16(text, start);
  const to = end === undefined ? text.length : codePointToUtf16(text, end);
  return text.slice(from, to);
}

/**
 * Maps code-point offsets to UTF-16 offsets for one text in O(1) after an O(n) build:
 * used where many offsets are converted against the same body (rendering 1,000 highlights).
 */
export class CodePointIndex {
  readonly length: number;
  private readonly toUtf16: Uint32Array | null;

  constructor(readonly text: string) {
    if (!hasAstral(text)) {
      this.length = text.length;
      this.toUtf16 = null;
      return;
    }
    const map: number[] = [];
    for (let i = 0; i < text.length; ) {
      map.push(i);
      const c = text.charCodeAt(i);
      i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
    }
    map.push(text.length);
    this.toUtf16 = Uint32Array.from(map);
    this.length = map.length - 1;
  }

  utf16(cp: number): number {
    const clamped = Math.max(0, Math.min(cp, this.length));
    return this.toUtf16 ? (this.toUtf16[clamped] ?? this.text.length) : clamped;
  }

  slice(start: number, end: number): string {
    return this.text.slice(this.utf16(start), this.utf16(end));
  }

  /** The code-point offset of a UTF-16 offset (one inside a surrogate pair counts as its pair's start). */
  codePoint(u: number): number {
    const map = this.toUtf16;
    if (!map) return Math.max(0, Math.min(u, this.length));
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (map[mid]! <= u) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
