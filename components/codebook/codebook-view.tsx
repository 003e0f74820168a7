import type { TCodebook } from "@/lib/annotations/codebook";
import { TAGS, TAG_LABELS, type TTag } from "@/lib/annotations/tags";
import { TAG_LINE, TAG_SHORT, TagChip } from "@/components/tag-chip";
import "./codebook.css";

/** Who last gave a tag the team's own wording, and when (already formatted for reading). */
export type TCodebookEdit = { by: string | null; on: string };

/**
 * Each tag's definition, span, examples and look-alikes: the codebook as a reader meets it. A tag in `edits` says
 * that its wording is the team's own rather than the built-in one.
 */
export function CodebookEntries({ codebook, edits = {} }: { codebook: TCodebook; edits?: Partial<Record<TTag, TCodebookEdit>> }) {
  return (
    <div className="codebook" data-testid="codebook">
      {TAGS.map((t, i) => {
        const entry = codebook[t];
        const edit = edits[t];
        return (
          <section key={t} className="card codebook-entry" aria-labelledby={`codebook-${t}`} data-testid={`codebook-${t}`}>
            <h2 id={`codebook-${t}`} className="codebook-head">
              <TagChip tag={t} /> <span className="muted small-text">key {i + 1}</span>
            </h2>
            {edit && (
              <p className="codebook-edited small-text" data-testid={`codebook-edited-${t}`}>
                Your team&apos;s wording, not the built-in one: edited {edit.by ? `by ${edit.by} ` : ""}on {edit.on}.
              </p>
            )}
            <p className="codebook-definition">{entry.definition}</p>
            <p>
              <strong>Span:</strong> {entry.span}
            </p>
            <h3>Examples</h3>
            <ul className="codebook-list">
              <li>
                <mark className={`hl hl-${t}`}>{entry.example}</mark>
              </li>
              {entry.moreExamples.map((example, n) => (
                <li key={`${n}:${example.quote}`}>
                  <mark className={`hl hl-${t}`}>{example.quote}</mark>
                  {example.why && <span className="muted"> ({example.why})</span>}
                </li>
              ))}
            </ul>
            {entry.notThis.length > 0 && (
              <>
                <h3>Not {TAG_LABELS[t].toLowerCase()}</h3>
                <ul className="codebook-list">
                  {entry.notThis.map((case_, n) => (
                    <li key={`${n}:${case_}`}>{case_}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** Every mark the article can show, drawn with the article's own styles. */
export function MarksSamples() {
  return (
    <dl className="marks-samples" data-testid="marks-samples">
      {TAGS.map((t) => (
        <div key={t}>
          <dt>
            <mark className={`hl hl-${t}`} data-label={TAG_SHORT[t]}>
              sample text
            </mark>
          </dt>
          <dd>
            {TAG_LABELS[t]}: its colour, a {TAG_LINE[t]} underline and the label {TAG_SHORT[t]} where it starts.
          </dd>
        </div>
      ))}
      <div>
        <dt>
          <mark className="hl hl-anonymous-source hl-overlap" data-tags="anonymous-source official-statement" data-depth="2" data-label="ANON · OFFICIAL">
            sample text
          </mark>
        </dt>
        <dd>Different tags on the same words: striped, with every tag that starts there in the label.</dd>
      </div>
      <div>
        <dt>
          <mark className="hl hl-official-statement hl-rejected">sample text</mark>
        </dt>
        <dd>Rejected in review (more teammates disagreed than agreed): no fill, a wavy underline, faded. It no longer counts.</dd>
      </div>
      <div>
        <dt>
          <span className="sg sg-opinion">sample text</span>
        </dt>
        <dd>A suggestion: a dotted box, no fill and no label. Not saved until you accept it.</dd>
      </div>
      <div>
        <dt>
          <span className="cursor-sample">sample text</span>
        </dt>
        <dd>The keyboard&apos;s sentence cursor: a yellow fill with a thick black underline.</dd>
      </div>
    </dl>
  );
}
