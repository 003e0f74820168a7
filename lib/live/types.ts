/** What can change under a page: each kind names what to fetch again. */
export const CHANGE_KINDS = ["annotation", "review", "reply", "thread", "notification", "article"] as const;
export type TChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * The detail of the window event `sourcing:change` (LIVE_EVENT) the page dispatches for every change it hears, and
 * `resync` after its event stream reconnected: changes may have been missed, so listeners fetch everything they show.
 */
export type TLiveEventDetail = { kind: TChangeKind; articleId?: string; annotationId?: string } | { kind: "resync" };

export const LIVE_EVENT = "sourcing:change";
