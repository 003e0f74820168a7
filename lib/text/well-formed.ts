import { z } from "zod";
import { codePointLength } from "@/lib/anchoring/code-points";

// A lone surrogate has no UTF-8 form, so SQLite stores bytes that decode to a different text (and a different
// length) than the one offsets were checked against; a NUL ends the text for SQLite's C-string functions, so
// anything computed by SQL sees a shorter string. Other C0 controls are never meaningful in prose and only hide
// things from a reader. Tab, line feed and carriage return are ordinary text.
const NOT_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|\p{Cs}/u;

const hex = (unit: number) => `U+${unit.toString(16).toUpperCase().padStart(4, "0")}`;

/** Why `text` cannot be stored as text, naming the first bad character and its 1-based position; null when it can. */
export function textProblem(text: string): string | null {
  const match = NOT_TEXT.exec(text);
  if (!match) return null;
  const unit = match[0].charCodeAt(0);
  const at = codePointLength(text.slice(0, match.index)) + 1;
  return unit >= 0xd800
    ? `contains a broken character (an unpaired surrogate, ${hex(unit)}) at character ${at}`
    : `contains the control character ${hex(unit)} at character ${at}; only tab, line feed and carriage return are allowed`;
}

/** Refinement for any user-supplied text: refuses lone surrogates and control characters other than \t \n \r. */
export function wellFormed(text: string, ctx: z.RefinementCtx<string>): void {
  const problem = textProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem, input: text });
}

/** A string that can be stored and read back as the same text; chain trim/min/max after it as with z.string(). */
export const ZText = z.string().superRefine(wellFormed);
