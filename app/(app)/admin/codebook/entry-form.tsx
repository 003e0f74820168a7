"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { CODEBOOK_LIMITS } from "@/lib/annotations/codebook";
import { TAG_LABELS, type TTag } from "@/lib/annotations/tags";
import type { TCodebookEntryJson } from "@/lib/codebook/serialize";
import { formatDate } from "@/lib/ui/format";
import { TagChip } from "@/components/tag-chip";
import { resetCodebookEntry, saveCodebookEntry } from "./codebook-api";
import { draftOf, entryOf, fieldLabel, isChanged, type TDraft } from "./draft";
import { ExamplesField, NotThisField, TextField } from "./fields";

type TState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "resetting" }
  | { kind: "done"; message: string }
  | { kind: "failed"; message: string };

type Props = { initial: TCodebookEntryJson; onDirtyChange: (tag: TTag, dirty: boolean) => void };

/** The API's message without the field path it starts with, which the form shows as a label instead. */
const withoutPath = (message: string, field: string) => {
  const text = message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** One tag's wording: edit and save, discard the edits, or go back to the built-in text. */
export function CodebookEntryForm({ initial, onDirtyChange }: Props) {
  const tag = initial.tag;
  const formId = `codebook-${tag}`;
  const [saved, setSaved] = useState(initial);
  const [draft, setDraft] = useState<TDraft>(() => draftOf(initial));
  const [state, setState] = useState<TState>({ kind: "idle" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirmingReset, setConfirmingReset] = useState(false);
  const dirty = isChanged(draft, saved);
  const busy = state.kind === "saving" || state.kind === "resetting";

  // Focus moves after the render that makes its target exist (a new row, the message, the confirmation).
  const focusTarget = useRef<string | null>(null);
  const focus = (id: string) => {
    focusTarget.current = id;
  };
  useEffect(() => {
    if (!focusTarget.current) return;
    document.getElementById(focusTarget.current)?.focus();
    focusTarget.current = null;
  });

  useEffect(() => onDirtyChange(tag, dirty), [tag, dirty, onDirtyChange]);

  /** A change to the draft: the errors it may have fixed and any earlier outcome go. */
  function edit(patch: Partial<TDraft>, fields: string[]) {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([path]) => !fields.some((f) => path === f || path.startsWith(`${f}.`)))));
    if (state.kind === "done" || state.kind === "failed") setState({ kind: "idle" });
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setConfirmingReset(false);
    setState({ kind: "saving" });
    setErrors({});
    const answer = await saveCodebookEntry(tag, entryOf(draft));
    if (answer.ok) {
      // The draft stays as typed: what was typed during the save is still unsaved, and trimmed spaces never count.
      setSaved(answer.entry);
      setState({ kind: "done", message: "Saved. Everyone on the team now sees this wording in the tag palette and on How to tag." });
      focus(`${formId}-message`);
      return;
    }
    if (answer.field) {
      setErrors({ [answer.field]: withoutPath(answer.message, answer.field) });
      setState({ kind: "failed", message: `Not saved. ${fieldLabel(answer.field)}: ${withoutPath(answer.message, answer.field)}` });
      focus(`${formId}-${answer.field.replaceAll(".", "-")}`);
    } else {
      setState({ kind: "failed", message: `Not saved. ${answer.message}` });
      focus(`${formId}-message`);
    }
  }

  async function reset() {
    setState({ kind: "resetting" });
    setErrors({});
    const answer = await resetCodebookEntry(tag);
    setConfirmingReset(false);
    if (answer.ok) {
      setSaved(answer.entry);
      setDraft(draftOf(answer.entry));
      setState({ kind: "done", message: "Reset. This tag has the built-in wording again." });
    } else {
      setState({ kind: "failed", message: `Not reset. ${answer.message}` });
    }
    focus(`${formId}-message`);
  }

  const label = TAG_LABELS[tag];
  return (
    <section className="card cb-form" id={formId} aria-labelledby={`${formId}-title`} data-testid={`codebook-form-${tag}`}>
      <div className="cb-head">
        <h2 id={`${formId}-title`}>
          <TagChip tag={tag} />
        </h2>
        <p className="cb-origin small-text" data-testid={`codebook-origin-${tag}`}>
          {saved.isDefault
            ? "Built-in wording"
            : `Your team's wording, edited${saved.updatedBy ? ` by ${saved.updatedBy.name}` : ""}${saved.updatedAt ? ` on ${formatDate(saved.updatedAt)}` : ""}`}
          {dirty && <strong className="cb-unsaved"> · Unsaved changes</strong>}
        </p>
      </div>
      <form className="form" noValidate onSubmit={save} aria-busy={busy}>
        <TextField
          id={`${formId}-definition`}
          label="Definition"
          hint="One sentence: what the tag says about a passage. Shown in the tag palette."
          value={draft.definition}
          max={CODEBOOK_LIMITS.definition}
          error={errors.definition}
          required
          onChange={(definition) => edit({ definition }, ["definition"])}
        />
        <TextField
          id={`${formId}-span`}
          label="Span"
          hint="What a span of this tag covers."
          value={draft.span}
          max={CODEBOOK_LIMITS.span}
          error={errors.span}
          rows={3}
          required
          onChange={(span) => edit({ span }, ["span"])}
        />
        <TextField
          id={`${formId}-example`}
          label="Example"
          hint="Short: it sits under the definition in the tag palette."
          value={draft.example}
          max={CODEBOOK_LIMITS.example}
          error={errors.example}
          required
          onChange={(example) => edit({ example }, ["example"])}
        />
        <ExamplesField formId={formId} rows={draft.moreExamples} errors={errors} focus={focus} onChange={(moreExamples) => edit({ moreExamples }, ["moreExamples"])} />
        <NotThisField formId={formId} rows={draft.notThis} errors={errors} focus={focus} tagLabel={label} onChange={(notThis) => edit({ notThis }, ["notThis"])} />

        <div aria-live="polite">
          {(state.kind === "done" || state.kind === "failed") && (
            <p id={`${formId}-message`} tabIndex={-1} className={state.kind === "done" ? "notice" : "error"} role={state.kind === "failed" ? "alert" : "status"}>
              {state.message}
            </p>
          )}
        </div>

        <div className="row cb-actions">
          <button type="submit" className="button primary" disabled={busy} aria-describedby={dirty ? undefined : `${formId}-nothing`}>
            {state.kind === "saving" ? "Saving…" : `Save ${label.toLowerCase()}`}
          </button>
          {!dirty && (
            <span id={`${formId}-nothing`} className="muted small-text">
              No unsaved changes.
            </span>
          )}
          {dirty && (
            <button
              type="button"
              className="button ghost"
              disabled={busy}
              onClick={() => {
                setDraft(draftOf(saved));
                setErrors({});
                setState({ kind: "idle" });
              }}
            >
              Discard changes
            </button>
          )}
          {!saved.isDefault && !confirmingReset && (
            <button
              type="button"
              id={`${formId}-reset`}
              className="button danger"
              disabled={busy}
              onClick={() => {
                setConfirmingReset(true);
                focus(`${formId}-keep`);
              }}
            >
              Reset to default…
            </button>
          )}
        </div>
        {confirmingReset && (
          <div className="cb-confirm" role="group" aria-labelledby={`${formId}-confirm`}>
            <p id={`${formId}-confirm`}>
              Replace your team&apos;s wording of {label.toLowerCase()} with the built-in text?
              {dirty && " Your unsaved changes will be lost too."} The audit log keeps the old wording.
            </p>
            <div className="row">
              <button type="button" className="button danger small" disabled={busy} onClick={() => void reset()}>
                {state.kind === "resetting" ? "Resetting…" : "Reset to default"}
              </button>
              <button
                type="button"
                id={`${formId}-keep`}
                className="button ghost small"
                disabled={busy}
                onClick={() => {
                  setConfirmingReset(false);
                  focus(`${formId}-reset`);
                }}
              >
                Keep our wording
              </button>
            </div>
          </div>
        )}
      </form>
    </section>
  );
}
