"use client";

import { useEffect } from "react";
import { QueueFilters } from "./queue-filters";
import { QueueItemView } from "./queue-item";
import { useReviewKeys } from "./use-review-keys";
import { useReviewQueue } from "./use-review-queue";
import { VERDICT_NOUN } from "./types";
import { useVerdicts, type Submission } from "./use-verdicts";

type Props = { articles: { id: string; title: string }[]; authors: { id: string; name: string }[] };

/** Keyboard-first review: a agree, d disagree, s skip, j/k next/previous. */
export function ReviewQueue({ articles, authors }: Props) {
  const { filters, changeFilter, state, current, move, select, reviewed } = useReviewQueue();
  const { items, loading, remaining, remainingAtLeast, done, error } = state;
  const verdicts = useVerdicts(reviewed);
  // While a new filter loads, the old list is not on screen: no key may judge an item the reader cannot see.
  useReviewKeys(loading ? null : current, verdicts.submit, move);

  const currentId = current?.id;
  useEffect(() => {
    if (currentId) document.querySelector(".queue-item.current")?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [currentId]);

  // A save that fails after the filter changed has no item on screen to report on; it is reported here.
  const unseenFailures = Object.values(verdicts.submissions).filter(
    (s): s is Extract<Submission, { state: "failed" }> => s.state === "failed" && !items.some((i) => i.id === s.item.id),
  );

  const count = (
    <>
      <strong>{loading ? "…" : remainingAtLeast ? `${remaining.toLocaleString("en")}+` : remaining}</strong> left
      {done > 0 && <span className="muted"> · {done} reviewed now</span>}
    </>
  );
  return (
    <div className="queue">
      <QueueFilters filters={filters} onChange={changeFilter} articles={articles} authors={authors} count={count} />
      <p className="hint muted">
        <kbd>a</kbd> agree · <kbd>d</kbd> disagree · <kbd>s</kbd> skip · <kbd>j</kbd>/<kbd>k</kbd> next/previous. A comment or suggested tag typed
        below goes with your verdict; <kbd>Esc</kbd> leaves the field and keeps it.
      </p>
      {error && <p className="error" role="alert">{error}</p>}
      {unseenFailures.map((s) => (
        <div key={s.item.id} className="queue-status queue-failed" role="alert">
          <span>
            ⚠ Your {VERDICT_NOUN[s.verdict]} on “{s.item.quote}” was not saved: {s.message}
          </span>
          <button type="button" className="button small" onClick={() => void verdicts.submit(s.item, s.verdict)}>
            Retry
          </button>
        </div>
      ))}
      {loading ? (
        <p className="muted" aria-busy="true">Loading the queue…</p>
      ) : items.length === 0 ? (
        <div className="empty" data-testid="queue-empty">
          <h2>Nothing left to review</h2>
          <p className="muted">When teammates tag more passages, they appear here.</p>
        </div>
      ) : (
        <ol className="queue-list" data-testid="queue-list">
          {items.map((item) => (
            <QueueItemView
              key={item.id}
              item={item}
              isCurrent={item.id === currentId}
              draft={verdicts.draftOf(item.id)}
              submission={verdicts.submissionOf(item.id)}
              onSelect={() => select(item.id)}
              onDraft={(patch) => verdicts.setDraft(item.id, patch)}
              onVerdict={(v) => void verdicts.submit(item, v)}
              onSkip={() => move(1)}
            />
          ))}
        </ol>
      )}
    </div>
  );
}
