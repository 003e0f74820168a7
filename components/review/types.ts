export type QueueItem = {
  id: string;
  article: { id: string; title: string; outlet: string | null };
  start: number;
  prefix: string;
  quote: string;
  suffix: string;
  tag: string;
  note: string;
  author: { id: string; name: string };
};

export type QueuePage = { items: QueueItem[]; remaining: number; remainingAtLeast: boolean; nextCursor: string | null };

export type QueueFilters = { articleId: string; tag: string; author: string };

export type Verdict = "agree" | "disagree";

/** How a verdict reads in a sentence: "Saving your agreement…". */
export const VERDICT_NOUN: Record<Verdict, string> = { agree: "agreement", disagree: "disagreement" };
