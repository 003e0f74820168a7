// Overlapping and nested highlights are drawn by cutting the text at every annotation boundary:
// each resulting segment knows every annotation that covers it.

export type TSpan = { id: string; start: number; end: number };
export type TSegment = { start: number; end: number; ids: string[] };
export type TParagraph = { start: number; end: number; segments: TSegment[]; breakAfter: { start: number; end: number } | null };

/** Segments covering [from, to) exactly, in order; `ids` lists the spans over each, in input order. */
export function segmentRange(
  from: number,
  to: number,
  spans: readonly TSpan[],
  order: ReadonlyMap<string, number> = inputOrder(spans),
): TSegment[] {
  const cuts = new Set<number>([from, to]);
  const inside = spans.filter((s) => s.end > from && s.start < to && s.end > s.start);
  for (const s of inside) {
    if (s.start > from) cuts.add(s.start);
    if (s.end < to) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // Sweep with start/end events so 1,000 spans over a long text stay near-linear.
  const starts = [...inside].sort((a, b) => a.start - b.start);
  const active = new Set<TSpan>();
  const segments: TSegment[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    while (next < starts.length && starts[next]!.start <= a) active.add(starts[next++]!);
    for (const s of active) if (s.end <= a) active.delete(s);
    const ids = [...active].sort((x, y) => order.get(x.id)! - order.get(y.id)!).map((s) => s.id);
    segments.push({ start: a, end: b, ids });
  }
  return segments;
}

/**
 * Splits a body (given as its code points) into paragraphs at runs of line breaks, and each paragraph
 * into highlight segments. The line breaks themselves are kept as `breakAfter` so that every code point
 * of the body is rendered exactly once and DOM positions map back to body offsets.
 */
export function paragraphs(codePoints: readonly string[], spans: readonly TSpan[]): TParagraph[] {
  const result: TParagraph[] = [];
  const n = codePoints.length;
  // Once for the whole body, not once a paragraph: 1,000 spans over 100 paragraphs made this the page's hot spot.
  const order = inputOrder(spans);
  let i = 0;
  while (i < n) {
    const start = i;
    while (i < n && !isLineBreak(codePoints[i]!)) i++;
    const end = i;
    while (i < n && isLineBreak(codePoints[i]!)) i++;
    result.push({
      start,
      end,
      segments: segmentRange(start, end, spans, order),
      breakAfter: i > end ? { start: end, end: i } : null,
    });
  }
  return result;
}

function inputOrder(spans: readonly TSpan[]): Map<string, number> {
  return new Map(spans.map((s, i) => [s.id, i] as const));
}

function isLineBreak(c: string): boolean {
  return c === "\n" || c === "\r" || c === "\u2028" || c === "\u2029";
}
