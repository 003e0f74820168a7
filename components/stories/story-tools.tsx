"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { api, ApiError } from "@/lib/api-client";

type TStory = { id: string; title: string };

/** Rename a story, or merge it into another one of the team (its articles move there; this story goes). */
export function StoryTools({ story, others }: { story: TStory; others: TStory[] }) {
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "rename" | "merge">("idle");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      if (mode === "rename") {
        await api.updateStory(story.id, { title: String(data.get("title") ?? "") });
        setMode("idle");
        router.refresh();
      } else {
        const target = others.find((o) => o.id === data.get("mergeInto"));
        if (!target || !window.confirm(`Merge "${story.title}" into "${target.title}"? Its articles move there and "${story.title}" is removed.`)) {
          setBusy(false);
          return;
        }
        await api.updateStory(story.id, { mergeInto: target.id });
        router.push(`/stories/${target.id}`);
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  }

  if (mode === "idle") {
    return (
      <div className="row" role="group" aria-label="Manage this story">
        <button type="button" className="button small" onClick={() => setMode("rename")}>
          Rename
        </button>
        <button type="button" className="button small" onClick={() => setMode("merge")} disabled={others.length === 0} title={others.length ? undefined : "No other story to merge into"}>
          Merge into…
        </button>
      </div>
    );
  }
  return (
    <form className="row story-tools" onSubmit={run} data-testid="story-tools">
      {mode === "rename" ? (
        <label className="field">
          New title
          <input name="title" required maxLength={300} defaultValue={story.title} autoFocus />
        </label>
      ) : (
        <label className="field">
          Merge into
          <select name="mergeInto" required defaultValue="">
            <option value="" disabled>
              Choose a story
            </option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" className="button primary small" disabled={busy}>
        {busy ? "Saving…" : mode === "rename" ? "Save title" : "Merge"}
      </button>
      <button type="button" className="button small" onClick={() => setMode("idle")} disabled={busy}>
        Cancel
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
