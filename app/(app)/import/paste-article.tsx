"use client";

import Link from "next/link";
import { useRef } from "react";
import type { TCreateArticleRequest } from "@/app/api/articles/route.types";
import { SubmitButton } from "@/components/submit-button";
import { api } from "@/lib/api-client";
import { BodyField } from "./body-field";
import { Failure } from "./failure";
import { MetadataFields, type TInitialMetadata, type TLimits, type TStory } from "./metadata-fields";
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

/** The article form: empty to paste into, or filled with what was read from a web page (`initial`) to check. */
export function PasteArticle({
  stories,
  limits,
  initial,
  prefix = "paste",
}: {
  stories: TStory[];
  limits: TLimits;
  initial?: TInitialMetadata & { title?: string | null; body?: string };
  prefix?: string;
}) {
  const { state, submit } = useImportCall(
    (data) => api.createArticle(articleOf(data)),
    () => true,
  );

  const titleInput = useRef<HTMLInputElement>(null);
  const invalid = (field: string) => (state.failure?.field === field ? true : undefined);
  return (
    <section className="card import-card" aria-labelledby={`${prefix}-head`}>
      <h2 id={`${prefix}-head`}>{initial ? "Check and add the article" : "Paste an article"}</h2>
      <p className="muted small-text">
        {initial ? "Read from the page: correct anything that is wrong, and cut what is not the article's own text. " : ""}
        The text is stored exactly as {initial ? "it stands here" : "pasted"} (up to {limits.maxCodePoints} characters): offsets of highlights count in it.
      </p>
      <form className="form" onSubmit={submit} data-testid={`${prefix}-form`}>
        <label className="field">
          Title
          <input ref={titleInput} name="title" required maxLength={500} aria-invalid={invalid("title")} defaultValue={initial?.title ?? undefined} />
        </label>
        <MetadataFields stories={stories} prefix={prefix} initial={initial} />
        <BodyField initial={initial?.body} title={() => titleInput.current?.value ?? initial?.title ?? ""} invalid={invalid("body")} />
        <div className="row">
          <SubmitButton className="button primary" pending={state.busy}>
            {state.busy ? "Adding…" : "Add article"}
          </SubmitButton>
        </div>
      </form>
      {state.failure && <Failure failure={state.failure} testId={`${prefix}-error`} />}
      {state.result && (
        <p className="notice" role="status" data-testid={`${prefix}-result`}>
          Added <Link href={`/articles/${state.result.id}`}>{state.result.title}</Link>.
        </p>
      )}
    </section>
  );
}
