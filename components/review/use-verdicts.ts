import { useCallback, useRef, useState } from "react";
import type { TReviewQueueItem } from "@/app/api/review-queue/route.types";
import { isTag } from "@/lib/annotations/tags";
import { api } from "@/lib/api-client";
import type { Verdict } from "./types";

export type Draft = { comment: string; suggestedTag: string };
export type Submission = { item: TReviewQueueItem; verdict: Verdict } & ({ state: "saving" } | { state: "failed"; message: string });

const EMPTY: Draft = { comment: "", suggestedTag: "" };

function without<T>(record: Record<string, T>, id: string): Record<string, T> {
  const { [id]: _dropped, ...rest } = record;
  return rest;
}

/**
 * Each item's unsent reason and its verdict on the wire, keyed by item id, so any number of items can be
 * saving at once and a save that returns touches only its own item. A failed save keeps its reason.
 */
export function useVerdicts(onSaved: (id: string) => void) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [submissions, setSubmissions] = useState<Record<string, Submission>>({});
  // A key can be pressed between a keystroke in the reason and the render that shows it: read the latest.
  const draftsNow = useRef(drafts);
  const inFlight = useRef(new Set<string>());

  const updateDrafts = useCallback((next: Record<string, Draft>) => {
    draftsNow.current = next;
    setDrafts(next);
  }, []);

  const setDraft = useCallback(
    (id: string, patch: Partial<Draft>) => updateDrafts({ ...draftsNow.current, [id]: { ...(draftsNow.current[id] ?? EMPTY), ...patch } }),
    [updateDrafts],
  );

  const submit = useCallback(
    async (item: TReviewQueueItem, verdict: Verdict) => {
      if (inFlight.current.has(item.id)) return;
      inFlight.current.add(item.id);
      const { comment, suggestedTag } = draftsNow.current[item.id] ?? EMPTY;
      setSubmissions((s) => ({ ...s, [item.id]: { item, verdict, state: "saving" } }));
      try {
        await api.submitReview(item.id, {
          verdict,
          ...(comment.trim() ? { comment: comment.trim() } : {}),
          ...(verdict === "disagree" && isTag(suggestedTag) ? { suggestedTag } : {}),
        });
        updateDrafts(without(draftsNow.current, item.id));
        setSubmissions((s) => without(s, item.id));
        onSaved(item.id);
      } catch (e) {
        setSubmissions((s) => ({ ...s, [item.id]: { item, verdict, state: "failed", message: (e as Error).message } }));
      } finally {
        inFlight.current.delete(item.id);
      }
    },
    [onSaved, updateDrafts],
  );

  const draftOf = (id: string) => drafts[id] ?? EMPTY;
  const submissionOf = (id: string): Submission | null => submissions[id] ?? null;
  return { draftOf, submissionOf, submissions, setDraft, submit };
}
