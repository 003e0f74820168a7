import type { TReviewQueueItem, TReviewQueueResponse } from "@/app/api/review-queue/route.types";

/**
 * The queue's items and which one the reviewer is reading. The cursor is an item id, not a position: a
 * verdict saved in the background removes its item without moving the reader off the one they are on.
 */
export type QueueState = {
  items: TReviewQueueItem[];
  currentId: string | null;
  remaining: number;
  remainingAtLeast: boolean;
  nextCursor: string | null;
  loading: boolean;
  error: string | null;
  /** Verdicts saved since the page opened. */
  done: number;
};

export type QueueAction =
  | { type: "filtering" }
  | { type: "loaded"; page: TReviewQueueResponse }
  | { type: "appended"; page: TReviewQueueResponse }
  /** The list fetched again from the top because teammates changed it (a deleted annotation leaves it). */
  | { type: "refreshed"; page: TReviewQueueResponse }
  | { type: "failed"; message: string }
  | { type: "moved"; by: 1 | -1 }
  | { type: "selected"; id: string }
  | { type: "reviewed"; id: string };

export const initialQueue: QueueState = {
  items: [],
  currentId: null,
  remaining: 0,
  remainingAtLeast: false,
  nextCursor: null,
  loading: true,
  error: null,
  done: 0,
};

/**
 * Where the reader stays after the list changed under them: the item they were on, or if it left the list, the
 * next one after it that is still there (else the one before, else the top).
 */
function keptCursor(state: QueueState, items: TReviewQueueItem[]): string | null {
  const ids = new Set(items.map((i) => i.id));
  if (state.currentId && ids.has(state.currentId)) return state.currentId;
  const at = state.items.findIndex((i) => i.id === state.currentId);
  if (at >= 0) {
    const after = state.items.slice(at + 1).find((i) => ids.has(i.id));
    const before = state.items.slice(0, at).reverse().find((i) => ids.has(i.id));
    if (after ?? before) return (after ?? before)!.id;
  }
  return items[0]?.id ?? null;
}

export function queueReducer(state: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case "filtering":
      return { ...state, loading: true };
    case "loaded": {
      const { items, remaining, remainingAtLeast, nextCursor } = action.page;
      return { ...state, items, remaining, remainingAtLeast, nextCursor, currentId: items[0]?.id ?? null, loading: false, error: null };
    }
    case "appended": {
      const fresh = action.page.items.filter((i) => !state.items.some((x) => x.id === i.id));
      const items = [...state.items, ...fresh];
      return { ...state, items, nextCursor: action.page.nextCursor, currentId: state.currentId ?? items[0]?.id ?? null };
    }
    case "refreshed": {
      // A refresh that raced a filter change belongs to the old filter.
      if (state.loading) return state;
      const { items, remaining, remainingAtLeast, nextCursor } = action.page;
      return { ...state, items, remaining, remainingAtLeast, nextCursor, currentId: keptCursor(state, items) };
    }
    case "failed":
      return { ...state, loading: false, error: action.message };
    case "moved": {
      const at = state.items.findIndex((i) => i.id === state.currentId);
      const next = state.items[Math.min(Math.max(at + action.by, 0), state.items.length - 1)];
      return next ? { ...state, currentId: next.id } : state;
    }
    case "selected":
      return state.items.some((i) => i.id === action.id) ? { ...state, currentId: action.id } : state;
    case "reviewed": {
      const at = state.items.findIndex((i) => i.id === action.id);
      const done = state.done + 1;
      // Saved after the filter changed: the item is not in this list, and the fresh count already left it out.
      if (at < 0) return { ...state, done };
      const items = state.items.filter((i) => i.id !== action.id);
      // Only the item being read hands the cursor on, to the one that followed it.
      const currentId = state.currentId === action.id ? (items[at] ?? items[at - 1])?.id ?? null : state.currentId;
      // Past the cap the count is a lower bound that one review does not change.
      const remaining = state.remainingAtLeast ? state.remaining : Math.max(0, state.remaining - 1);
      return { ...state, items, currentId, remaining, done };
    }
  }
}
