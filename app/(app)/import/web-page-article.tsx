"use client";

import { useRef, useState, type FormEvent } from "react";
import type { TExtractArticleRequest, TExtractArticleResponse } from "@/app/api/articles/extract/route.types";
import { SubmitButton } from "@/components/submit-button";
import { api } from "@/lib/api-client";
import { Failure, failureOf, type TFailure } from "./failure";
import type { TLimits, TStory } from "./metadata-fields";
import { PasteArticle } from "./paste-article";

type TState = { busy: boolean; failure: TFailure | null; read: TExtractArticleResponse | null; reads: number };

/**
 * An article from a web page: the server fetches the address (or reads a saved .html page) and fills the article
 * form with what it found, for the user to correct before anything is saved.
 */
export function WebPageArticle({ stories, limits }: { stories: TStory[]; limits: TLimits }) {
  const [state, setState] = useState<TState>({ busy: false, failure: null, read: null, reads: 0 });
  const fileInput = useRef<HTMLInputElement>(null);

  async function read(request: () => Promise<TExtractArticleRequest>) {
    setState((s) => ({ ...s, busy: true, failure: null }));
    try {
      const result = await api.extractArticle(await request());
      // A new key each time: the form below starts again from what was read.
      setState((s) => ({ busy: false, failure: null, read: result, reads: s.reads + 1 }));
    } catch (error) {
      setState((s) => ({ ...s, busy: false, failure: failureOf(error) }));
    }
  }

  function fromAddress(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const url = String(new FormData(event.currentTarget).get("url") ?? "").trim();
    void read(async () => ({ url }));
  }

  function fromFile() {
    const file = fileInput.current?.files?.[0];
    if (file) void read(async () => ({ html: await file.text() }));
  }

  return (
    <>
      <section className="card import-card" aria-labelledby="web-read-head">
        <h2 id="web-read-head">From a web page</h2>
        <p className="muted small-text">
          The article&apos;s text, title, outlet, author and date are read from the page; you check them before adding it.
        </p>
        <form className="form" onSubmit={fromAddress} data-testid="web-read-form">
          <label className="field">
            Page address
            <input name="url" type="url" required placeholder="https://" autoComplete="off" aria-describedby="web-help" />
          </label>
          <div className="row">
            <SubmitButton className="button primary" pending={state.busy}>
              {state.busy ? "Reading…" : "Read page"}
            </SubmitButton>
          </div>
          <p id="web-help" className="muted small-text">
            Pages behind a login or a paywall cannot be fetched by the server: save the page in your browser and open the
            saved file below instead.
          </p>
        </form>
        <label className="field">
          Or a saved page (.html)
          <input ref={fileInput} type="file" accept=".html,.htm,text/html" onChange={fromFile} disabled={state.busy} data-testid="web-file" />
        </label>
        {state.failure && <Failure failure={state.failure} testId="web-error" />}
      </section>
      {state.read && (
        <PasteArticle
          key={state.reads}
          stories={stories}
          limits={limits}
          prefix="web"
          initial={{ ...state.read, author: state.read.byline }}
        />
      )}
    </>
  );
}
