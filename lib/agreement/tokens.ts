// [start, end) in Unicode code points of the body, the unit every stored offset uses (api.md).
export interface IToken {
  start: number;
  end: number;
}

// metrics.md: units of agreement are maximal runs of letters and digits.
const WORD = /[\p{L}\p{N}]+/gu;

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

// Code points in body[from, to) (UTF-16 indexes). A lone surrogate counts as one, as Array.from does.
function codePointsBetween(body: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    if (isHighSurrogate(body.charCodeAt(i)) && i + 1 < to && isLowSurrogate(body.charCodeAt(i + 1))) i++;
    count++;
  }
  return count;
}

// One pass: JavaScript regexes report UTF-16 indexes, so a running cursor converts them to code points
// without rescanning the body from the beginning for every match.
export function wordTokens(body: string): IToken[] {
  const tokens: IToken[] = [];
  const re = new RegExp(WORD.source, WORD.flags);
  let unit = 0;
  let point = 0;
  for (let match = re.exec(body); match !== null; match = re.exec(body)) {
    point += codePointsBetween(body, unit, match.index);
    const start = point;
    const matchEnd = match.index + match[0].length;
    point += codePointsBetween(body, match.index, matchEnd);
    unit = matchEnd;
    tokens.push({ start, end: point });
  }
  return tokens;
}
