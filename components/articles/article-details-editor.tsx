"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { TUpdateArticleRequest } from "@/app/api/articles/[id]/route.types";
import { api, ApiError } from "@/lib/api-client";
import { FormFooter } from "./form-footer";

type TArticle = { id: string; title: string; outlet: string | null; author: string | null; url: string | null; publishedAt: string | null; storyId: string | null };
type TStory = { id: string; title: string };

const NEW_STORY = "__new__";

/** "Edit details": an article's title, outlet, author, address, date and story, changed in place. */
export function ArticleDetailsEditor({ article, stories }: { article: TArticle; stories: TStory[] }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [storyChoice, setStoryChoice] = useState(article.storyId ?? "");

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    setBusy(true);
    setError(null);
    try {
      let storyId: string | null = storyChoice || null;
      if (storyChoice === NEW_STORY) storyId = (await api.createStory({ title: text("newStory") })).id;
      const body: TUpdateArticleRequest = {
        title: text("title"),
        outlet: text("outlet"),
        author: text("author"),
        url: text("url"),
        publishedAt: text("publishedAt"),
        storyId,
      };
      await api.updateArticle(article.id, body);
      setOpen(false);
      router.refresh();
    } catch (e) {
      setError(e instanceof ApiError ? { message: e.message, field: e.field } : { message: "Something went wrong. Try again." });
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <button
        type="button"
        className="button small"
        onClick={() => {
          // Opened again after a save: start from the article as it is now.
          setStoryChoice(article.storyId ?? "");
          setError(null);
          setOpen(true);
        }}
        aria-expanded={false}
      >
        Edit details
      </button>
    );
  }
  const invalid = (field: string) => (error?.field === field ? true : undefined);
  return (
    <form className="card form details-editor" onSubmit={save} aria-label="Edit the article's details" data-testid="details-editor">
      <label className="field">
        Title
        <input name="title" required maxLength={500} defaultValue={article.title} aria-invalid={invalid("title")} autoFocus />
      </label>
      <div className="details-grid">
        <label className="field">
          Outlet
          <input name="outlet" maxLength={200} defaultValue={article.outlet ?? ""} aria-invalid={invalid("outlet")} />
        </label>
        <label className="field">
          Author
          <input name="author" maxLength={200} defaultValue={article.author ?? ""} aria-invalid={invalid("author")} />
        </label>
        <label className="field">
          Published
          <input name="publishedAt" placeholder="2025-04-10 or 2025-04" defaultValue={article.publishedAt ?? ""} aria-invalid={invalid("publishedAt")} />
        </label>
        <label className="field">
          Story
          <select name="storyId" value={storyChoice} onChange={(e) => setStoryChoice(e.target.value)} aria-invalid={invalid("storyId")}>
            <option value="">No story</option>
            {stories.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
            <option value={NEW_STORY}>New story…</option>
          </select>
        </label>
        {storyChoice === NEW_STORY && (
          <label className="field">
            New story&apos;s title
            <input name="newStory" required maxLength={300} aria-invalid={invalid("title")} />
          </label>
        )}
        <label className="field wide">
          Original URL
          <input name="url" type="url" placeholder="https://" defaultValue={article.url ?? ""} aria-invalid={invalid("url")} />
        </label>
      </div>
      <FormFooter error={error?.message ?? null} busy={busy} submit="Save details" busyText="Saving…" onCancel={() => setOpen(false)} />
    </form>
  );
}
