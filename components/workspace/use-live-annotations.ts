"use client";

import { useCallback, useMemo, type Dispatch } from "react";
import { coalesce } from "@/components/live/coalesce";
import { touchesArticle, useLiveChanges } from "@/components/live/use-live-changes";
import { api } from "@/lib/api-client";
import type { TStoreAction } from "./annotation-store";

/**
 * Keeps the article's annotations and score current while teammates work on it: a change naming the article (or a
 * resync) fetches the list again into the store, which keeps the reader's creates still on the wire; what the
 * reader has open, selected, typed or scrolled to is state the list does not own, so it stays.
 */
export function useLiveAnnotations(articleId: string, dispatch: Dispatch<TStoreAction>, onChanged: () => void): void {
  const refresh = useMemo(
    () =>
      coalesce(async () => {
        const { annotations } = await api.listAnnotations(articleId);
        dispatch({ type: "sync", annotations });
        onChanged();
      }),
    [articleId, dispatch, onChanged],
  );
  useLiveChanges(useCallback((detail) => touchesArticle(detail, articleId) && refresh(), [articleId, refresh]));
}
