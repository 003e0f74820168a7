"use client";

import { useState } from "react";
import type { TReplyResponse } from "@/app/api/annotations/[id]/replies/route.types";
import type { TReviewResponse } from "@/app/api/annotations/[id]/reviews/route.types";
import { TagChip } from "@/components/tag-chip";
import { formatTimestamp } from "@/lib/ui/format";
import { MentionTextarea } from "./mention-textarea";
import type { TMember } from "./mentions";
import { ReplyText } from "./reply-text";

function When({ iso }: { iso: string }) {
  return (
    <time className="muted" dateTime={iso}>
      {formatTimestamp(iso)}
    </time>
  );
}

export function ReviewEntry({ review }: { review: TReviewResponse }) {
  return (
    <li className="thread-entry thread-review" data-testid="thread-review">
      <p className="thread-entry-head">
        <span className={`verdict verdict-${review.verdict}`}>{review.verdict === "agree" ? "✓ Agreed" : "✗ Disagreed"}</span>{" "}
        <strong>{review.reviewer.name}</strong> <When iso={review.createdAt} />
      </p>
      {review.suggestedTag && (
        <p className="review-suggest">
          suggests <TagChip tag={review.suggestedTag} small />
        </p>
      )}
      {review.comment && <p className="reply-text">{review.comment}</p>}
    </li>
  );
}

type ReplyProps = {
  reply: TReplyResponse;
  mine: boolean;
  /** Everyone, for marking mentions in the text. */
  members: readonly TMember[];
  /** Whom the editor offers to mention. */
  mentionable: readonly TMember[];
  onSave: (text: string) => Promise<void>;
  onDelete: () => Promise<void>;
};

/** One reply; its author may edit it in place or delete it after confirming. */
export function ReplyEntry({ reply, mine, members, mentionable, onSave, onDelete }: ReplyProps) {
  const [mode, setMode] = useState<"view" | "edit" | "confirm">("view");
  const [text, setText] = useState(reply.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
      setMode("view");
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }
  const save = () => {
    if (text.trim() && !busy) void run(() => onSave(text));
  };

  return (
    <li className="thread-entry thread-reply" data-testid="thread-reply">
      <p className="thread-entry-head">
        <strong>{reply.author.name}</strong> <When iso={reply.createdAt} />
        {reply.updatedAt !== reply.createdAt && <span className="muted"> (edited)</span>}
      </p>
      {mode === "edit" ? (
        <div className="form">
          <MentionTextarea label="Edit your reply" value={text} onChange={setText} members={mentionable} onSubmit={save} submitVerb="saves" autoFocus />
          <div className="row">
            <button type="button" className="button primary small" disabled={busy || !text.trim()} onClick={save}>
              {busy ? "Saving…" : "Save"}
            </button>
            <button
              type="button"
              className="button ghost small"
              disabled={busy}
              onClick={() => {
                setText(reply.text);
                setError(null);
                setMode("view");
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <ReplyText text={reply.text} members={members} />
      )}
      {mine && mode === "view" && (
        <div className="row thread-entry-actions">
          <button type="button" className="button ghost small" onClick={() => setMode("edit")}>
            Edit<span className="sr-only"> your reply</span>
          </button>
          <button type="button" className="button ghost small danger" onClick={() => setMode("confirm")}>
            Delete…<span className="sr-only"> your reply</span>
          </button>
        </div>
      )}
      {mode === "confirm" && (
        <div className="row thread-entry-actions" role="group" aria-label="Confirm delete">
          <span>Delete this reply?</span>
          <button type="button" className="button danger small" disabled={busy} onClick={() => void run(onDelete)}>
            {busy ? "Deleting…" : "Delete"}
          </button>
          <button type="button" className="button ghost small" disabled={busy} onClick={() => setMode("view")}>
            Keep it
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
