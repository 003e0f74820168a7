"use client";

import { useEffect, useState } from "react";
import type { TArticleScoreBreakdown } from "@/lib/scoring/find-article-score";

export type TArticleScore = Omit<TArticleScoreBreakdown, "S" | "T">;

/**
 * The article's score: rendered with the page, fetched again after each change (`version` goes up). The last
 * value stays on screen while a new one loads, so nothing flashes.
 */
export function useArticleScore(articleId: string, initial: TArticleScore, version: number) {
  const [data, setData] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (version === 0) return;
    let live = true;
    fetch(`/api/articles/${articleId}/score`)
      .then(async (r) => {
        if (!r.ok) throw new Error((await r.json().catch(() => null))?.error?.message ?? `HTTP ${r.status}`);
        return r.json() as Promise<TArticleScore>;
      })
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [articleId, version]);
  return { data, error };
}
