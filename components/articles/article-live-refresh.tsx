"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { useLiveChanges } from "@/components/live/use-live-changes";

/**
 * Reloads the page's article when a teammate edits its details or corrects its text: the server renders it again,
 * and a corrected text (a new version) brings a new workspace with it.
 */
export function ArticleLiveRefresh({ articleId }: { articleId: string }) {
  const router = useRouter();
  useLiveChanges(useCallback((d) => d.kind === "article" && d.articleId === articleId && router.refresh(), [articleId, router]));
  return null;
}
