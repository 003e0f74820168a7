"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { TCorrectArticleRequest } from "@/app/api/articles/[id]/body/route.types";
import { api, ApiError } from "@/lib/api-client";
import { plural } from "@/lib/ui/format";
import { FormFooter } from "./form-footer";

/**
 * "Correct the text": the article's text replaced by a corrected one (pasted, or edited in place); its annotations
 * follow their passages onto it, and those that cannot are listed on the page as lost.
 */
export function CorrectText({ articleId, body }: { articleId: string; body: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const request: TCorrectArticleRequest = { body: String(new FormData(event.currentTarget).get("body") ?? "") };
    if (!window.confirm("Replace the article's text with this one? Annotations that cannot be found in it will be set aside and listed.")) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.correctArticle(articleId, request);
      setDone(
        `Now version ${result.version}: ${plural(result.reanchored, "annotation")} kept their place` +
          (result.orphaned.length ? `, ${plural(result.orphaned.length, "annotation")} lost it (listed below the text).` : "."),
      );
      setOpen(false);
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <>
        <button type="button" className="button small" onClick={() => setOpen(true)}>
          Correct the text
        </button>
        {done && (
          <p className="notice details-editor" role="status" data-testid="correct-result">
            {done}
          </p>
        )}
      </>
    );
  }
  return (
    <form className="card form details-editor" onSubmit={submit} aria-label="Correct the article's text" data-testid="correct-form">
      <p className="muted small-text">
        Paste the corrected article or edit the text here. The current text is kept as an earlier version; every annotation is placed
        again on the new text where its quote is, and any that cannot be found are set aside and listed for review, never moved to a
        guess.
      </p>
      <label className="field">
        Corrected text
        <textarea name="body" required rows={14} defaultValue={body} spellCheck={false} autoFocus />
      </label>
      <FormFooter error={error} busy={busy} submit="Replace the text" busyText="Placing annotations…" onCancel={() => setOpen(false)} />
    </form>
  );
}
