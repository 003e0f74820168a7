export type QueueFilters = { articleId: string; tag: string; author: string };

export type Verdict = "agree" | "disagree";

/** How a verdict reads in a sentence: "Saving your agreement…". */
export const VERDICT_NOUN: Record<Verdict, string> = { agree: "agreement", disagree: "disagreement" };
