import type { TTag } from "@/lib/annotations/tags";

/** A proposed span: code-point offsets into the stored body (api.md), the rule that fired and why. */
export type TSuggestion = {
  start: number;
  end: number;
  tag: TTag;
  rule: string;
  reason: string;
};

/** What the rules decided for one sentence. */
export type TVerdict = {
  tag: TTag;
  rule: string;
  reason: string;
};
