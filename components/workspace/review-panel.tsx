"use client";

import { useEffect, useState } from "react";
import { useLiveChanges } from "@/components/live/use-live-changes";
import { TagOptions } from "@/components/tag-options";
import { formatTimestamp } from "@/lib/ui/format";
import { TagChip } from "@/components/tag-chip";
import type { TReviewResponse } from "@/app/api/annotations/[id]/reviews/route.types";
import { isTag } from "@/lib/annotations/tags";
import { api } from "@/lib/api-client";

type Props = {
  annotationId: string;
  annotationTag: string;
  canReview: boolean;
  currentUserId: string;
  /** False while the discussion is shown: it lists the reviews among the replies. */
  listed?: boolean;
  onReviewed: () => void;
};

/** Teammates' verdicts on one annotation, and the current user's own Agree / Disagree. */
export function ReviewPanel({ annotationId, annotationTag, canReview, currentUserId, listed = true, onReviewed }: Props) {
  const [reviews, setReviews] = useState<TReviewResponse[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [disagreeing, setDisagreeing] = useState(false);
  const [suggestedTag, setSuggestedTag] = useState<string>("");
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  // Bumped when a teammate reviews this annotation: the list is fetched again, what the reader is typing stays.
  const [version, setVersion] = useState(0);
  useLiveChanges((d) => {
    if (d.kind === "resync" || (d.kind === "review" && d.annotationId === annotationId)) setVersion((v) => v + 1);
  });

  useEffect(() => {
    let live = true;
    api
      .listReviews(annotationId)
      .then((r) => live && setReviews(r.reviews))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [annotationId, version]);

  const mine = reviews?.find((r) => r.reviewer.id === currentUserId);

  async function submit(verdict: "agree" | "disagree") {
    setBusy(true);
    setError(null);
    try {
      const saved = await api.submitReview(annotationId, {
        verdict,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(verdict === "disagree" && isTag(suggestedTag) ? { suggestedTag } : {}),
      });
      setReviews((list) => [...(list ?? []).filter((r) => r.reviewer.id !== currentUserId), saved]);
      setDisagreeing(false);
      setComment("");
      onReviewed();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="review-panel" data-testid="review-panel">
      <h3>Reviews</h3>
      {listed && reviews === null && !error && <p className="muted small-text">Loading reviews…</p>}
      {listed && reviews?.length === 0 && <p className="muted small-text">No reviews yet.</p>}
      {listed && reviews && reviews.length > 0 && (
        <ul className="review-list">
          {reviews.map((r) => (
            <li key={r.id}>
              <span className={`verdict verdict-${r.verdict}`}>{r.verdict === "agree" ? "✓ Agree" : "✗ Disagree"}</span>{" "}
              <strong>{r.reviewer.name}</strong> <span className="muted">{formatTimestamp(r.createdAt)}</span>
              {r.suggestedTag && (
                <span className="review-suggest">
                  suggests <TagChip tag={r.suggestedTag} small />
                </span>
              )}
              {r.comment && <p className="review-comment">{r.comment}</p>}
            </li>
          ))}
        </ul>
      )}
      {error && <p className="error">{error}</p>}
      {canReview && (
        <div className="review-actions">
          {mine && <p className="muted small-text">Your review: {mine.verdict}. A new one replaces it.</p>}
          {!disagreeing ? (
            <div className="row">
              <button type="button" className="button small verdict-agree-btn" disabled={busy} onClick={() => void submit("agree")}>
                ✓ Agree
              </button>
              <button type="button" className="button small verdict-disagree-btn" disabled={busy} onClick={() => setDisagreeing(true)}>
                ✗ Disagree…
              </button>
            </div>
          ) : (
            <div className="form">
              <label className="field">
                <span>Suggested tag (optional)</span>
                <select value={suggestedTag} onChange={(e) => setSuggestedTag(e.target.value)}>
                  <option value="">No suggestion</option>
                  <TagOptions except={annotationTag} />
                </select>
              </label>
              <label className="field">
                <span>Reason (optional)</span>
                <textarea value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
              </label>
              <div className="row">
                <button type="button" className="button small danger" disabled={busy} onClick={() => void submit("disagree")}>
                  Submit disagreement
                </button>
                <button type="button" className="button small ghost" onClick={() => setDisagreeing(false)}>
                  Cancel
                </button>
              </div>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
