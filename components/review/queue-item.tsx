import Link from "next/link";
import { TagOptions } from "@/components/tag-options";
import { TagChip } from "@/components/tag-chip";
import type { TReviewQueueItem } from "@/app/api/review-queue/route.types";
import { VERDICT_NOUN, type Verdict } from "./types";
import type { Draft, Submission } from "./use-verdicts";

type Props = {
  item: TReviewQueueItem;
  isCurrent: boolean;
  draft: Draft;
  submission: Submission | null;
  onSelect: () => void;
  onDraft: (patch: Partial<Draft>) => void;
  onVerdict: (v: Verdict) => void;
  onSkip: () => void;
};

/** One passage to review: its context, link to the article, and (when current) the verdict controls. */
export function QueueItemView({ item, isCurrent, draft, submission, onSelect, onDraft, onVerdict, onSkip }: Props) {
  const saving = submission?.state === "saving";
  return (
    <li
      className={`queue-item card${isCurrent ? " current" : ""}`}
      aria-current={isCurrent ? "true" : undefined}
      aria-busy={saving || undefined}
      tabIndex={-1}
      onClick={isCurrent ? undefined : onSelect}
    >
      <div className="queue-item-head">
        <TagChip tag={item.tag} />
        <span className="muted">by {item.author.name}</span>
        {/* The article page scrolls to and flashes the text at the offset in its hash. */}
        <Link href={`/articles/${item.article.id}#${item.start}`} className="queue-article" title="Open this passage in the article">
          {item.article.title}
        </Link>
      </div>
      <p className="queue-context">
        {item.prefix && <span className="muted">…{item.prefix}</span>}
        <mark className={`hl hl-${item.tag}`}>{item.quote}</mark>
        {item.suffix && <span className="muted">{item.suffix}…</span>}
      </p>
      {item.note && <p className="queue-note">Note: {item.note}</p>}
      {/* Teammates' verdicts so far, kept current while the queue is open (a live refresh brings new counts). */}
      {item.agreeCount + item.disagreeCount > 0 && (
        <p className="queue-note" data-testid="queue-verdicts">
          So far {item.agreeCount} agree · {item.disagreeCount} disagree: {item.status}
        </p>
      )}
      {saving && (
        <p className="queue-status" role="status">
          Saving your {VERDICT_NOUN[submission.verdict]}…
        </p>
      )}
      {submission?.state === "failed" && (
        <div className="queue-status queue-failed" role="alert">
          <span>
            ⚠ Your {VERDICT_NOUN[submission.verdict]} was not saved: {submission.message}
          </span>
          <button
            type="button"
            className="button small"
            onClick={(e) => {
              // Retrying an item the reviewer has moved past leaves them where they are reading.
              e.stopPropagation();
              onVerdict(submission.verdict);
            }}
          >
            Retry
          </button>
        </div>
      )}
      {isCurrent && (
        <div className="queue-actions">
          <input
            className="input"
            placeholder="Comment (optional)"
            aria-label="Comment"
            value={draft.comment}
            maxLength={2000}
            readOnly={saving}
            onChange={(e) => onDraft({ comment: e.target.value })}
          />
          <select className="input" aria-label="Suggested tag" value={draft.suggestedTag} disabled={saving} onChange={(e) => onDraft({ suggestedTag: e.target.value })}>
            <option value="">Suggest another tag…</option>
            <TagOptions except={item.tag} />
          </select>
          <button type="button" className="button small verdict-agree-btn" disabled={saving} onClick={() => onVerdict("agree")}>
            {saving && submission.verdict === "agree" ? "Saving…" : <>✓ Agree <kbd>a</kbd></>}
          </button>
          <button type="button" className="button small verdict-disagree-btn" disabled={saving} onClick={() => onVerdict("disagree")}>
            {saving && submission.verdict === "disagree" ? "Saving…" : <>✗ Disagree <kbd>d</kbd></>}
          </button>
          <button type="button" className="button small ghost" onClick={onSkip}>
            Skip <kbd>s</kbd>
          </button>
        </div>
      )}
    </li>
  );
}
