"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { api } from "@/lib/api-client";
import { plural } from "@/lib/ui/format";
import { readDraft, writeDraft } from "./draft-store";
import { MentionTextarea } from "./mention-textarea";
import { ReplyEntry, ReviewEntry } from "./thread-entry";
import { threadItems } from "./thread-items";
import { useMembers } from "./use-members";
import { useThread } from "./use-thread";
import "./discussion.css";

type Props = {
  annotationId: string;
  currentUserId: string;
  /** Changed by the caller after it changed the thread itself (a review submitted), to fetch it again. */
  version: number;
};

/**
 * One annotation's discussion: its reviews and replies in time order, the resolved state, and a composer whose
 * text survives refetches, the details closing and re-mounting (draft-store).
 */
export function ThreadPanel({ annotationId, currentUserId, version }: Props) {
  const { thread, error, reload, update } = useThread(annotationId, version);
  const members = useMembers();
  // Everyone's mentions are marked when shown, but nobody needs to mention themselves.
  const others = useMemo(() => members.filter((m) => m.id !== currentUserId), [members, currentUserId]);
  const [draft, setDraftState] = useState(() => readDraft(annotationId));
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [resolving, setResolving] = useState(false);
  const [resolveError, setResolveError] = useState<string | null>(null);

  const setDraft = (text: string) => {
    writeDraft(annotationId, text);
    setDraftState(text);
  };

  async function send() {
    if (sending || !draft.trim()) return;
    setSending(true);
    setSendError(null);
    try {
      const reply = await api.createReply(annotationId, { text: draft });
      update((t) => ({ ...t, replies: [...t.replies.filter((r) => r.id !== reply.id), reply] }));
      setDraft("");
    } catch (e) {
      setSendError((e as Error).message);
    } finally {
      setSending(false);
    }
  }

  async function toggleResolved(resolved: boolean) {
    setResolving(true);
    setResolveError(null);
    try {
      const r = await api.resolveThread(annotationId, { resolved });
      update((t) => ({ ...t, resolved: r.resolved }));
      // Who resolved it comes with the thread.
      reload();
    } catch (e) {
      setResolveError((e as Error).message);
    } finally {
      setResolving(false);
    }
  }

  // Once loaded, the discussion is brought into view inside the details' own scroll (not the page's, which keeps
  // the passage in view): it is what the reader asked for, from the button or a notification's link.
  const panelRef = useRef<HTMLElement>(null);
  const revealed = useRef(false);
  useEffect(() => {
    const panel = panelRef.current;
    const box = panel?.closest<HTMLElement>(".details-popover");
    if (!thread || revealed.current || !panel || !box) return;
    revealed.current = true;
    box.scrollTop += panel.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
  }, [thread]);

  const items = thread ? threadItems(thread.reviews, thread.replies) : [];

  return (
    <section ref={panelRef} className="thread-panel" aria-labelledby={`thread-${annotationId}`} data-testid="thread-panel">
      <div className="thread-head">
        <h3 id={`thread-${annotationId}`}>
          Discussion{thread && <span className="muted"> ({plural(thread.replies.length, "reply", "replies")})</span>}
        </h3>
        {thread && (
          <div className="thread-state">
            <span data-testid="thread-state" className={thread.resolved ? "thread-resolved" : "thread-open"}>
              {thread.resolved ? `✓ Resolved${thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ""}` : "Open"}
            </span>
            <button type="button" className="button small" disabled={resolving} onClick={() => void toggleResolved(!thread.resolved)}>
              {thread.resolved ? "Reopen" : "Resolve"}
            </button>
          </div>
        )}
      </div>
      {resolveError && (
        <p className="error" role="alert">
          {resolveError}
        </p>
      )}
      {!thread && !error && <p className="muted small-text">Loading discussion…</p>}
      {error && (
        <div className="error" role="alert">
          Could not load the discussion: {error}{" "}
          <button type="button" className="button small" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {thread && items.length === 0 && <p className="muted small-text">No discussion yet.</p>}
      {items.length > 0 && (
        <ol className="thread-list" aria-label="Reviews and replies, oldest first">
          {items.map((item) =>
            item.kind === "review" ? (
              <ReviewEntry key={item.id} review={item.review} />
            ) : (
              <ReplyEntry
                key={item.id}
                reply={item.reply}
                mine={item.reply.author.id === currentUserId}
                members={members}
                mentionable={others}
                onSave={async (text) => {
                  const saved = await api.updateReply(item.reply.id, { text });
                  update((t) => ({ ...t, replies: t.replies.map((r) => (r.id === saved.id ? saved : r)) }));
                }}
                onDelete={async () => {
                  await api.deleteReply(item.reply.id);
                  update((t) => ({ ...t, replies: t.replies.filter((r) => r.id !== item.reply.id) }));
                }}
              />
            ),
          )}
        </ol>
      )}
      <form
        className="thread-composer"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <MentionTextarea label="Reply" value={draft} onChange={setDraft} members={others} onSubmit={() => void send()} submitVerb="sends" readOnly={sending} />
        {sendError && (
          <p className="error" role="alert">
            Not sent: {sendError}
          </p>
        )}
        <button type="submit" className="button primary small" disabled={sending || !draft.trim()}>
          {sending ? "Sending…" : "Send reply"}
        </button>
      </form>
    </section>
  );
}
