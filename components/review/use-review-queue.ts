import { useCallback, useEffect, useReducer, useState } from "react";
import { initialQueue, queueReducer } from "./queue-store";
import { isTag } from "@/lib/annotations/tags";
import { api } from "@/lib/api-client";
import type { QueueFilters } from "./types";

function fetchPage(f: QueueFilters, after: string | null) {
  return api.reviewQueue({
    limit: 20,
    articleId: f.articleId,
    author: f.author,
    ...(isTag(f.tag) ? { tag: f.tag } : {}),
    ...(after ? { cursor: after } : {}),
  });
}

/** Loads the queue for the chosen filters, fetching more before the reviewer reaches the end. */
export function useReviewQueue() {
  const [filters, setFilters] = useState<QueueFilters>({ articleId: "", tag: "", author: "" });
  const [state, dispatch] = useReducer(queueReducer, initialQueue);
  const index = state.items.findIndex((i) => i.id === state.currentId);
  const current = index >= 0 ? state.items[index]! : null;

  useEffect(() => {
    let live = true;
    fetchPage(filters, null)
      .then((page) => live && dispatch({ type: "loaded", page }))
      .catch((e: Error) => live && dispatch({ type: "failed", message: e.message }));
    return () => {
      live = false;
    };
  }, [filters]);

  const { nextCursor } = state;
  const nearEnd = index >= state.items.length - 3;
  useEffect(() => {
    if (!nextCursor || !nearEnd) return;
    let live = true;
    fetchPage(filters, nextCursor)
      .then((page) => live && dispatch({ type: "appended", page }))
      .catch((e: Error) => live && dispatch({ type: "failed", message: e.message }));
    return () => {
      live = false;
    };
  }, [nextCursor, nearEnd, filters]);

  const changeFilter = useCallback((patch: Partial<QueueFilters>) => {
    dispatch({ type: "filtering" });
    setFilters((f) => ({ ...f, ...patch }));
  }, []);
  const move = useCallback((by: 1 | -1) => dispatch({ type: "moved", by }), []);
  const select = useCallback((id: string) => dispatch({ type: "selected", id }), []);
  const reviewed = useCallback((id: string) => dispatch({ type: "reviewed", id }), []);

  return { filters, changeFilter, state, current, move, select, reviewed };
}
