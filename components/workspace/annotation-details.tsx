"use client";

import { useState } from "react";
import { TAGS, TAG_LABELS, type TTag } from "@/lib/annotations/tags";
import type { TAnnotation } from "@/lib/annotations/serialize";
import { TagChip } from "@/components/tag-chip";
import { formatTimestamp } from "@/lib/ui/format";
import { isTemp } from "./annotation-store";

type Props = {
  annotation: TAnnotation;
  others: TAnnotation[];
  canEdit: boolean;
  canDelete: boolean;
  busy: boolean;
  onPick: (id: string) => void;
  onSave: (changes: { tag?: TTag; note?: string }) => void;
  onDelete: () => void;
  onClose: () => void;
  children?: React.ReactNode;
};

// Keyed by annotation id by the parent. When the annotation changes (saved here, or by a teammate while it is open),
// each field the reader has not touched follows it; a field they are editing keeps what they typed.
export function AnnotationDetails({ annotation, others, canEdit, canDelete, busy, onPick, onSave, onDelete, onClose, children }: Props) {
  const [tag, setTag] = useState<TTag>(annotation.tag);
  const [note, setNote] = useState(annotation.note);
  const [base, setBase] = useState({ tag: annotation.tag, note: annotation.note });
  if (base.tag !== annotation.tag || base.note !== annotation.note) {
    setBase({ tag: annotation.tag, note: annotation.note });
    if (tag === base.tag) setTag(annotation.tag);
    if (note === base.note) setNote(annotation.note);
  }
  const [confirming, setConfirming] = useState(false);
  const dirty = tag !== annotation.tag || note !== annotation.note;
  const pending = isTemp(annotation.id);

  return (
    <section className="details card" aria-label="Annotation details" data-testid="annotation-details">
      <div className="details-head">
        <TagChip tag={annotation.tag} />
        <button type="button" className="button ghost small" onClick={onClose} aria-label="Close details">
          ✕
        </button>
      </div>
      <blockquote className="details-quote" tabIndex={0} aria-label="Highlighted passage">
        {annotation.quote}
      </blockquote>
      <dl className="details-meta">
        <dt>By</dt>
        <dd>{annotation.author.name}</dd>
        <dt>When</dt>
        <dd>{pending ? "Saving…" : formatTimestamp(annotation.createdAt)}</dd>
        <dt>Status</dt>
        <dd>
          <span className={`status status-${annotation.status}`} data-testid="annotation-status">
            {annotation.status}
          </span>{" "}
          <span className="muted">
            {annotation.agreeCount} agree · {annotation.disagreeCount} disagree
          </span>
        </dd>
        {!canEdit && annotation.note && (
          <>
            <dt>Note</dt>
            <dd className="details-note">{annotation.note}</dd>
          </>
        )}
      </dl>
      {!pending && children}
      {canEdit && !pending && (
        <div className="form">
          <fieldset className="tag-picker">
            <legend>Tag</legend>
            {TAGS.map((t) => (
              <label key={t} className={`tag-option tag-${t}${tag === t ? " chosen" : ""}`}>
                <input type="radio" name="edit-tag" value={t} checked={tag === t} onChange={() => setTag(t)} />
                {TAG_LABELS[t]}
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>Note</span>
            <textarea value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button
            type="button"
            className="button primary small"
            disabled={!dirty || busy}
            onClick={() => onSave({ ...(tag !== annotation.tag ? { tag } : {}), ...(note !== annotation.note ? { note } : {}) })}
          >
            {busy ? "Saving…" : "Save changes"}
          </button>
        </div>
      )}
      {canDelete && !pending && (
        <div className="details-danger">
          {confirming ? (
            <>
              <span>Delete this annotation?</span>
              <button type="button" className="button danger small" onClick={onDelete} disabled={busy}>
                Delete
              </button>
              <button type="button" className="button ghost small" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </>
          ) : (
            <button type="button" className="button danger small" onClick={() => setConfirming(true)}>
              Delete…
            </button>
          )}
        </div>
      )}
      {others.length > 0 && (
        <div className="details-others">
          <h3>Also covering this passage</h3>
          <ul>
            {others.map((o) => (
              <li key={o.id}>
                <button type="button" className="link-button" onClick={() => onPick(o.id)}>
                  <TagChip tag={o.tag} small /> {o.author.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
