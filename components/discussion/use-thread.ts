"use client";

import { useCallback, useEffect, useState } from "react";
import type { TReplyResponse } from "@/app/api/annotations/[id]/replies/route.types";
import type { TReviewResponse } from "@/app/api/annotations/[id]/reviews/route.types";
import { api } from "@/lib/api-client";
import { useLiveChanges } from "@/components/live/use-live-changes";

export type TThread = { reviews: TReviewResponse[]; replies: TReplyResponse[]; resolved: boolean; resolvedBy: { id: string; name: string } | null };

const KINDS = new Set(["annotation", "review", "reply", "thread"]);

async function fetchThread(annotationId: string): Promise<TThread> {
  const [r, p] = await Promise.all([api.listReviews(annotationId), api.listReplies(annotationId)]);
  return { reviews: r.reviews, replies: p.replies, resolved: p.resolved, resolvedBy: p.resolvedBy };
}

/**
 * One annotation's reviews, replies and resolved state, fetched again when `version` changes, when the live feed
 * names the annotation (or asks for a resync), and after the reader's own changes. The last answer stays on
 * screen until the next arrives; an answer a newer request overtook is dropped.
 */
export function useThread(annotationId: string, version: number) {
  const [thread, setThread] = useState<TThread | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    let live = true;
    fetchThread(annotationId)
      .then((t) => {
        if (!live) return;
        setThread(t);
        setError(null);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [annotationId, version, tick]);

  useLiveChanges((change) => {
    if (change.kind === "resync" || (change.annotationId === annotationId && KINDS.has(change.kind))) reload();
  });

  /** Shows a change the reader made at once, then checks it against the server. */
  const update = useCallback(
    (change: (t: TThread) => TThread) => {
      setThread((t) => (t ? change(t) : t));
      reload();
    },
    [reload],
  );

  return { thread, error, reload, update };
}
