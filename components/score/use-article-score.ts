"use client";

import { useEffect, useState } from "react";
import type { TArticleScoreResponse } from "@/app/api/articles/[id]/score/route.types";
import { api } from "@/lib/api-client";

export type TArticleScore = TArticleScoreResponse;

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
    api
      .articleScore(articleId)
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
