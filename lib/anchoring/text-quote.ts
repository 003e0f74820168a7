import { codePointLength, sliceCodePoints } from "./code-points";

export const CONTEXT_CODE_POINTS = 32;

export type TTextQuoteSelector = { exact: string; prefix: string; suffix: string };

/** W3C TextQuoteSelector for body[start:end], with up to 32 code points of context each side. */
export function textQuoteSelector(body: string, start: number, end: number, length = codePointLength(body)) {
  return {
    exact: sliceCodePoints(body, start, end),
    prefix: sliceCodePoints(body, Math.max(0, start - CONTEXT_CODE_POINTS), start),
    suffix: sliceCodePoints(body, end, Math.min(length, end + CONTEXT_CODE_POINTS)),
  } satisfies TTextQuoteSelector;
}
