"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { TAGS, TAG_LABELS, type TTag } from "@/lib/annotations/tags";
import { DEFAULT_WEIGHTS } from "@/lib/scoring/weights";
import { SubmitButton } from "@/components/submit-button";
import { api } from "@/lib/api-client";

export function WeightsForm({ initial }: { initial: Record<TTag, number> }) {
  const router = useRouter();
  const [values, setValues] = useState<Record<TTag, string>>(
    Object.fromEntries(TAGS.map((t) => [t, String(initial[t])])) as Record<TTag, string>,
  );
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function save(next: Record<TTag, string>) {
    setPending(true);
    setError(null);
    setNotice(null);
    try {
      await api.setWeights({
        "anonymous-source": Number(next["anonymous-source"]),
        "official-statement": Number(next["official-statement"]),
        opinion: Number(next.opinion),
      });
      setNotice("Saved. Every article's score was recomputed with these weights.");
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(values);
      }}
    >
      {TAGS.map((t) => (
        <label key={t} className="field">
          <span className={`tag-${t}`}>{TAG_LABELS[t]}</span>
          <input
            type="number"
            step="0.1"
            min={-10}
            max={10}
            required
            value={values[t]}
            onChange={(e) => setValues((v) => ({ ...v, [t]: e.target.value }))}
          />
        </label>
      ))}
      {error && <p className="error" role="alert">{error}</p>}
      {notice && <p className="notice" role="status">{notice}</p>}
      <div className="row">
        <SubmitButton className="button primary" pending={pending}>
          {pending ? "Saving…" : "Save weights"}
        </SubmitButton>
        <button
          className="button ghost"
          type="button"
          disabled={pending}
          onClick={() => {
            if (!window.confirm("Restore the default weights (+1, −1, −0.5) and recompute every score?")) return;
            const defaults = Object.fromEntries(TAGS.map((t) => [t, String(DEFAULT_WEIGHTS[t])])) as Record<TTag, string>;
            setValues(defaults);
            void save(defaults);
          }}
        >
          Restore defaults
        </button>
      </div>
    </form>
  );
}
