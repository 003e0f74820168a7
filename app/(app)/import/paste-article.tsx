"use client";

import Link from "next/link";
import type { TCreateArticleRequest } from "@/app/api/articles/route.types";
import { SubmitButton } from "@/components/submit-button";
import { api } from "@/lib/api-client";
import { Failure } from "./failure";
import { MetadataFields, type TLimits, type TStory } from "./metadata-fields";
import { useImportCall } from "./use-import-call";

/** The form as the body of POST /api/articles: empty optional fields are left out. */
function articleOf(data: FormData): TCreateArticleRequest {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === "string" ? value : "";
  };
  const optional = (name: string) => text(name) || undefined;
  return {
    title: text("title"),
    body: text("body"),
    outlet: optional("outlet"),
    author: optional("author"),
    url: optional("url"),
    publishedAt: optional("publishedAt"),
    storyId: optional("storyId"),
  };
}

export function PasteArticle({ stories, limits }: { stories: TStory[]; limits: TLimits }) {
  const { state, submit } = useImportCall(
    (data) => api.createArticle(articleOf(data)),
    () => true,
  );

  const invalid = (field: string) => (state.failure?.field === field ? true : undefined);
  return (
    <section className="card import-card" aria-labelledby="paste-head">
      <h2 id="paste-head">Paste an article</h2>
      <p className="muted small-text">
        The text is stored exactly as pasted (up to {limits.maxCodePoints} characters): offsets of highlights count in it.
      </p>
      <form className="form" onSubmit={submit} data-testid="paste-form">
        <label className="field">
          Title
          <input name="title" required maxLength={500} aria-invalid={invalid("title")} />
        </label>
        <MetadataFields stories={stories} prefix="paste" />
        <label className="field">
          Article text
          <textarea name="body" required rows={12} aria-invalid={invalid("body")} spellCheck={false} />
        </label>
        <div className="row">
          <SubmitButton className="button primary" pending={state.busy}>
            {state.busy ? "Adding…" : "Add article"}
          </SubmitButton>
        </div>
      </form>
      {state.failure && <Failure failure={state.failure} testId="paste-error" />}
      {state.result && (
        <p className="notice" role="status" data-testid="paste-result">
          Added <Link href={`/articles/${state.result.id}`}>{state.result.title}</Link>.
        </p>
      )}
    </section>
  );
}
