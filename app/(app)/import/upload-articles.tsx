"use client";

import { api } from "@/lib/api-client";
import { ImportButtons } from "./import-buttons";
import { Failure } from "./failure";
import { MetadataFields, type TLimits, type TStory } from "./metadata-fields";
import { ArticlesResult } from "./articles-result";
import { useImportCall } from "./use-import-call";

export function UploadArticles({ stories, limits }: { stories: TStory[]; limits: TLimits }) {
  const { state, submit } = useImportCall(
    (data) => api.importArticles(data),
    (result) => !result.dryRun,
  );

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
        <ImportButtons busy={state.busy} label="Import articles" />
      </form>
      {state.failure && <Failure failure={state.failure} testId="upload-error" />}
      {state.result && <ArticlesResult result={state.result} />}
    </section>
  );
}
