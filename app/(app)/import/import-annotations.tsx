"use client";

import { api } from "@/lib/api-client";
import { ImportButtons } from "./import-buttons";
import { AnnotationsResult } from "./annotations-result";
import { Failure } from "./failure";
import { useImportCall } from "./use-import-call";

export function ImportAnnotations() {
  const { state, submit } = useImportCall(
    (data) => api.importAnnotations(data),
    (result) => !result.dryRun,
  );

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
        <ImportButtons busy={state.busy} label="Import annotations" />
      </form>
      {state.failure && <Failure failure={state.failure} testId="annotations-error" />}
      {state.result && <AnnotationsResult result={state.result} />}
    </section>
  );
}
