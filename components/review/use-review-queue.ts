import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { coalesce } from "@/components/live/coalesce";
import { useLiveChanges } from "@/components/live/use-live-changes";
import { initialQueue, queueReducer } from "./queue-store";
import { isTag } from "@/lib/annotations/tags";
import { api } from "@/lib/api-client";
import type { QueueFilters } from "./types";

const PAGE = 20;
/** The most a refresh fetches at once (the API's limit): a reader further down keeps loading pages after it. */
const MAX_REFRESH = 100;

function fetchPage(f: QueueFilters, after: string | null, limit = PAGE) {
  return api.reviewQueue({
    limit,
    articleId: f.articleId,
    author: f.author,
    ...(isTag(f.tag) ? { tag: f.tag } : {}),
    ...(after ? { cursor: after } : {}),
  });
}

/**
 * Loads the queue for the chosen filters, fetching more before the reviewer reaches the end, and fetches it again
 * from the top when teammates annotate, review or delete (the reader's place and typed reasons stay: use-verdicts).
 */
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

  // What a refresh needs, read when it runs: the filters and how much of the list the reader has loaded.
  const now = useRef({ filters, loaded: state.items.length });
  useEffect(() => {
    now.current = { filters, loaded: state.items.length };
  });
  const refresh = useRef<() => void>(() => undefined);
  useEffect(() => {
    refresh.current = coalesce(async () => {
      const { filters: f, loaded } = now.current;
      const page = await fetchPage(f, null, Math.min(MAX_REFRESH, Math.max(PAGE, loaded)));
      if (now.current.filters === f) dispatch({ type: "refreshed", page });
    });
  }, []);
  useLiveChanges((d) => {
    if (d.kind === "annotation" || d.kind === "review" || d.kind === "resync") refresh.current();
  });

  const changeFilter = useCallback((patch: Partial<QueueFilters>) => {
    dispatch({ type: "filtering" });
    setFilters((f) => ({ ...f, ...patch }));
  }, []);
  const move = useCallback((by: 1 | -1) => dispatch({ type: "moved", by }), []);
  const select = useCallback((id: string) => dispatch({ type: "selected", id }), []);
  const reviewed = useCallback((id: string) => dispatch({ type: "reviewed", id }), []);

  return { filters, changeFilter, state, current, move, select, reviewed };
}
