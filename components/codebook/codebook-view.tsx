import type { TCodebook } from "@/lib/annotations/codebook";
import { TAGS, TAG_LABELS } from "@/lib/annotations/tags";
import { TAG_LINE, TAG_SHORT, TagChip } from "@/components/tag-chip";
import "./codebook.css";

/** Each tag's definition, span, examples and look-alikes: the codebook as a reader meets it. */
export function CodebookEntries({ codebook }: { codebook: TCodebook }) {
  return (
    <div className="codebook" data-testid="codebook">
      {TAGS.map((t, i) => {
        const entry = codebook[t];
        return (
          <section key={t} className="card codebook-entry" aria-labelledby={`codebook-${t}`} data-testid={`codebook-${t}`}>
            <h2 id={`codebook-${t}`} className="codebook-head">
              <TagChip tag={t} /> <span className="muted small-text">key {i + 1}</span>
            </h2>
            <p className="codebook-definition">{entry.definition}</p>
            <p>
              <strong>Span:</strong> {entry.span}
            </p>
            <h3>Examples</h3>
            <ul className="codebook-list">
              <li>
                <mark className={`hl hl-${t}`}>{entry.example}</mark>
              </li>
              {entry.moreExamples.map((example) => (
                <li key={example.quote}>
                  <mark className={`hl hl-${t}`}>{example.quote}</mark>
                  {example.why && <span className="muted"> ({example.why})</span>}
                </li>
              ))}
            </ul>
            {entry.notThis.length > 0 && (
              <>
                <h3>Not {TAG_LABELS[t].toLowerCase()}</h3>
                <ul className="codebook-list">
                  {entry.notThis.map((case_) => (
                    <li key={case_}>{case_}</li>
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
