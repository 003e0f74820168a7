"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { SubmitButton } from "@/components/submit-button";
import type { TImportAnnotationsResult } from "@/lib/import/import-annotations";
import type { TImportArticlesResult } from "@/lib/import/import-articles";
import { Failure, idle, send, where, type TState } from "./failure";

type TStory = { id: string; title: string };
type TLimits = { maxBytes: string; maxHtmlBytes: string; maxCodePoints: string; maxArticles: string };
function StoryPicker({ stories, name }: { stories: TStory[]; name: string }) {
  return (
    <label className="field">
      Story
      <select name={name} defaultValue="">
        <option value="">No story</option>
        {stories.map((story) => (
          <option key={story.id} value={story.id}>
            {story.title}
          </option>
        ))}
      </select>
    </label>
  );
}

function MetadataFields({ stories, prefix }: { stories: TStory[]; prefix: string }) {
  return (
    <div className="import-grid">
      <label className="field">
        Outlet
        <input name="outlet" autoComplete="off" maxLength={200} id={`${prefix}-outlet`} />
      </label>
      <label className="field">
        Author
        <input name="author" autoComplete="off" maxLength={200} id={`${prefix}-author`} />
      </label>
      <label className="field">
        Published
        <input name="publishedAt" placeholder="2025-04-10 or 2025-04" autoComplete="off" id={`${prefix}-published`} />
      </label>
      <StoryPicker stories={stories} name="storyId" />
      <label className="field wide">
        Original URL
        <input name="url" type="url" placeholder="https://" autoComplete="off" id={`${prefix}-url`} />
      </label>
    </div>
  );
}

/** Form fields as JSON for POST /api/articles: empty optional fields are left out. */
function formJson(form: HTMLFormElement): Record<string, string> {
  const data: Record<string, string> = {};
  new FormData(form).forEach((value, key) => {
    if (typeof value === "string" && (value !== "" || key === "body" || key === "title")) data[key] = value;
  });
  return data;
}

function PasteArticle({ stories, limits }: { stories: TStory[]; limits: TLimits }) {
  const [state, setState] = useState<TState<{ id: string; title: string }>>(idle);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setState({ busy: true, result: null, failure: null });
    const answer = await send<{ id: string; title: string }>("/api/articles", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(formJson(form)),
    });
    if ("result" in answer) {
      form.reset();
      setState({ busy: false, result: answer.result, failure: null });
    } else {
      setState({ busy: false, result: null, failure: answer.failure });
    }
  }

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

function UploadArticles({ stories, limits }: { stories: TStory[]; limits: TLimits }) {
  const [state, setState] = useState<TState<TImportArticlesResult>>(idle);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(form);
    if (submitter?.value === "dry") data.set("dryRun", "1");
    setState({ busy: true, result: null, failure: null });
    const answer = await send<TImportArticlesResult>("/api/import/articles", { method: "POST", body: data });
    if ("result" in answer && !answer.result.dryRun) form.reset();
    setState({ busy: false, ...("result" in answer ? { result: answer.result, failure: null } : { result: null, failure: answer.failure }) });
  }

  const result = state.result;
  return (
    <section className="card import-card" aria-labelledby="upload-head">
      <h2 id="upload-head">Upload article files</h2>
      <p className="muted small-text">
        One article per <code>.txt</code>, <code>.md</code> or <code>.html</code> file (HTML is reduced to its text,
        paragraphs kept), or many at once from a <code>.json</code> array or a <code>.csv</code> with the columns{" "}
        <code>title,body,outlet,author,url,published_at,story</code>. Up to {limits.maxBytes} and {limits.maxArticles}{" "}
        articles per upload, an HTML file up to {limits.maxHtmlBytes}. A file with any problem imports nothing.
      </p>
      <form className="form" onSubmit={submit} data-testid="upload-form">
        <label className="field">
          Files
          <input
            name="file"
            type="file"
            multiple
            required
            accept=".txt,.text,.md,.markdown,.html,.htm,.json,.csv,text/plain,text/markdown,text/html,application/json,text/csv"
          />
        </label>
        <fieldset className="import-fieldset">
          <legend>For text, Markdown and HTML files</legend>
          <label className="field">
            <span>
              Title <span className="field-hint">for a single file; otherwise the page title, first heading or file name</span>
            </span>
            <input name="title" maxLength={500} />
          </label>
          <MetadataFields stories={stories} prefix="upload" />
        </fieldset>
        <div className="row">
          <SubmitButton className="button primary" value="import" pending={state.busy}>
            {state.busy ? "Importing…" : "Import articles"}
          </SubmitButton>
          <SubmitButton className="button" value="dry" pending={state.busy}>
            Check without importing
          </SubmitButton>
        </div>
      </form>
      {state.failure && <Failure failure={state.failure} testId="upload-error" />}
      {result && (
        <div className="import-result" role="status" data-testid="upload-result">
          <p className="notice">
            {result.dryRun ? "Check passed: " : ""}
            {result.created.length === 1 ? "1 article" : `${result.created.length} articles`}{" "}
            {result.dryRun ? "would be added" : "added"}
            {result.duplicates.length > 0 &&
              `, ${result.duplicates.length} already in your team (not added again)`}
            {result.storiesCreated.length > 0 &&
              `; new ${result.storiesCreated.length === 1 ? "story" : "stories"}: ${result.storiesCreated.join(", ")}`}
            .
          </p>
          <ul className="import-list">
            {result.created.map((article, i) => (
              <li key={`c${i}`}>
                {article.id ? <Link href={`/articles/${article.id}`}>{article.title}</Link> : <strong>{article.title}</strong>}{" "}
                <span className="muted small-text">
                  {article.bodyLength.toLocaleString("en-US")} characters · {where(article.source)}
                </span>
              </li>
            ))}
            {result.duplicates.map((duplicate, i) => (
              <li key={`d${i}`} className="duplicate">
                <span className="muted">Duplicate:</span> {duplicate.title}{" "}
                <span className="muted small-text">({where(duplicate.source)})</span> is the same text as{" "}
                {duplicate.existing ? (
                  <Link href={`/articles/${duplicate.existing.id}`}>{duplicate.existing.title}</Link>
                ) : (
                  <>
                    {duplicate.earlierInImport?.title} ({where(duplicate.earlierInImport ?? {})})
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

const MATCHED_BY: Record<string, string> = { id: "same id", bodyHash: "body hash", text: "title and text", title: "title" };

function ImportAnnotations() {
  const [state, setState] = useState<TState<TImportAnnotationsResult>>(idle);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = new FormData(form);
    if (submitter?.value === "dry") data.set("dryRun", "1");
    setState({ busy: true, result: null, failure: null });
    const answer = await send<TImportAnnotationsResult>("/api/import/annotations", { method: "POST", body: data });
    if ("result" in answer && !answer.result.dryRun) form.reset();
    setState({ busy: false, ...("result" in answer ? { result: answer.result, failure: null } : { result: null, failure: answer.failure }) });
  }

  const result = state.result;
  return (
    <section className="card import-card" aria-labelledby="annotations-head">
      <h2 id="annotations-head">Import annotations</h2>
      <p className="muted small-text">
        A <strong>Raw CSV</strong> or <strong>JSON-LD</strong> export of this tool. Articles are matched by id, body hash,
        or title and text, so import the articles first. Annotations are yours unless you are an admin: an admin may keep
        each one in the name of the teammate the file gives (matched by email). Every imported annotation starts out
        pending with no reviews, dated today, and records that you imported it. Annotations your team already has are
        skipped.
      </p>
      <form className="form" onSubmit={submit} data-testid="annotations-form">
        <label className="field">
          Export file
          <input name="file" type="file" required accept=".csv,.jsonld,.json,text/csv,application/ld+json,application/json" />
        </label>
        <div className="row">
          <SubmitButton className="button primary" value="import" pending={state.busy}>
            {state.busy ? "Importing…" : "Import annotations"}
          </SubmitButton>
          <SubmitButton className="button" value="dry" pending={state.busy}>
            Check without importing
          </SubmitButton>
        </div>
      </form>
      {state.failure && <Failure failure={state.failure} testId="annotations-error" />}
      {result && (
        <div className="import-result" role="status" data-testid="annotations-result">
          <p className="notice">
            {result.dryRun ? "Check passed: " : ""}
            {result.created === 1 ? "1 annotation" : `${result.created} annotations`} {result.dryRun ? "would be imported" : "imported"}
            {result.duplicates.length > 0 && `, ${result.duplicates.length} already in your team (skipped)`}.
          </p>
          {result.articles.length > 0 && (
            <table className="mini-table">
              <thead>
                <tr>
                  <th scope="col">Article</th>
                  <th scope="col">Matched by</th>
                  <th scope="col" className="num">
                    New
                  </th>
                </tr>
              </thead>
              <tbody>
                {result.articles.map((article) => (
                  <tr key={article.ref}>
                    <td>
                      <Link href={`/articles/${article.id}`}>{article.title}</Link>
                    </td>
                    <td>{MATCHED_BY[article.matchedBy] ?? article.matchedBy}</td>
                    <td className="num">{article.created}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

/** The import page's three forms: paste one article, upload article files, import annotations. */
export function ImportForms({ stories, limits }: { stories: TStory[]; limits: TLimits }) {
  return (
    <div className="import-layout">
      <PasteArticle stories={stories} limits={limits} />
      <div className="import-side">
        <UploadArticles stories={stories} limits={limits} />
        <ImportAnnotations />
      </div>
    </div>
  );
}
