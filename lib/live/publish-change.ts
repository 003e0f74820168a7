import { changeFeed } from "@/lib/db/change-feed";
import type { TChangeKind } from "./types";

export type TChange = {
  teamId: string;
  kind: TChangeKind;
  articleId?: string;
  annotationId?: string;
  /** Only these users hear of it (a notification goes to its recipients only); otherwise the whole team. */
  userIds?: string[];
};

/**
 * Tells the team's open pages that something changed. Call it only after the write's transaction committed (a page
 * that hears of it fetches at once, and must find the change). It returns at once: the announcement goes out in the
 * background, and one that fails is logged, never turned into a failure of the write that already happened.
 */
export function publishChange(change: TChange): void {
  changeFeed()
    .then((feed) => feed.publish(change))
    .catch((error: unknown) => console.error("change feed: a change could not be announced", error));
}
