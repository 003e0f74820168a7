"use client";

import { CODEBOOK_LIMITS } from "@/lib/annotations/codebook";
import { rowKey, type TCaseRow, type TExampleRow } from "./draft";

type TextFieldProps = {
  id: string;
  label: string;
  /** What the field is for, read with it. */
  hint?: string;
  value: string;
  max: number;
  error?: string;
  rows?: number;
  /** A one-line input rather than a text area. */
  short?: boolean;
  required?: boolean;
  onChange: (value: string) => void;
};

/** A labelled field with its purpose, its length against the limit, and the server's complaint about it, if any. */
export function TextField({ id, label, hint, value, max, error, rows = 2, short = false, required = false, onChange }: TextFieldProps) {
  const describedBy = [hint && `${id}-hint`, `${id}-count`, error && `${id}-error`].filter(Boolean).join(" ");
  const common = {
    id,
    value,
    maxLength: max,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    "aria-required": required || undefined,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <div className={`field cb-field${error ? " cb-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span id={`${id}-hint`} className="cb-hint">
          {hint}
        </span>
      )}
      {short ? <input type="text" {...common} /> : <textarea rows={rows} {...common} />}
      <span id={`${id}-count`} className="cb-count">
        {value.length} of {max} characters
      </span>
      {error && (
        <span id={`${id}-error`} className="cb-error">
          <span aria-hidden>⚠ </span>
          {error}
        </span>
      )}
    </div>
  );
}

/** Under a list: the server's complaint about the list as a whole, and the button that adds a row. */
function ListFooter(props: { base: string; error?: string; full: boolean; max: number; label: string; onAdd: () => void }) {
  const { base, error, full, max, label, onAdd } = props;
  return (
    <>
      {error && (
        <p id={`${base}-error`} className="cb-error">
          <span aria-hidden>⚠ </span>
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" id={`${base}-add`} className="button small" disabled={full} onClick={onAdd}>
          {label}
        </button>
        {full && <span className="muted small-text">{max} is the most there can be.</span>}
      </div>
    </>
  );
}

type ListProps<Row> = {
  /** The form's id: the fields' ids start with it and the list's name, as the API names their paths. */
  formId: string;
  rows: Row[];
  errors: Record<string, string>;
  onChange: (rows: Row[]) => void;
  /** Where focus goes after a row is added or removed. */
  focus: (id: string) => void;
};

/** Focus after removing row `i` of `left` remaining rows: the row that took its place, the one before, or the add button. */
const afterRemoval = (base: string, i: number, left: number, leaf = "") =>
  left === 0 ? `${base}-add` : `${base}-${Math.min(i, left - 1)}${leaf}`;

export function ExamplesField({ formId, rows, errors, onChange, focus }: ListProps<TExampleRow>) {
  const base = `${formId}-moreExamples`;
  const max = CODEBOOK_LIMITS.moreExamples;
  const listError = errors.moreExamples;
  return (
    <fieldset className="cb-list" id={base} tabIndex={-1} aria-describedby={`${base}-hint${listError ? ` ${base}-error` : ""}`}>
      <legend>
        Further examples <span className="cb-tally">({rows.length} of {max})</span>
      </legend>
      <p id={`${base}-hint`} className="cb-hint">
        Listed on How to tag under the example above: the words a span would cover, and why when that is not obvious.
      </p>
      {rows.length === 0 && <p className="muted small-text">No further examples.</p>}
      <ol className="cb-rows">
        {rows.map((row, i) => {
          const set = (patch: Partial<TExampleRow>) => onChange(rows.map((r) => (r.key === row.key ? { ...r, ...patch } : r)));
          return (
            <li key={row.key} className="cb-row cb-example-row">
              <TextField
                id={`${base}-${i}-quote`}
                label={`Example ${i + 1}: quote`}
                value={row.quote}
                max={CODEBOOK_LIMITS.quote}
                error={errors[`moreExamples.${i}.quote`]}
                required
                onChange={(quote) => set({ quote })}
              />
              <TextField
                id={`${base}-${i}-why`}
                label={`Example ${i + 1}: why (optional)`}
                value={row.why}
                max={CODEBOOK_LIMITS.why}
                error={errors[`moreExamples.${i}.why`]}
                short
                onChange={(why) => set({ why })}
              />
              <button
                type="button"
                className="button danger small cb-remove"
                onClick={() => {
                  onChange(rows.filter((r) => r.key !== row.key));
                  focus(afterRemoval(base, i, rows.length - 1, "-quote"));
                }}
              >
                Remove example {i + 1}
              </button>
            </li>
          );
        })}
      </ol>
      <ListFooter
        base={base}
        error={listError}
        full={rows.length >= max}
        max={max}
        label="Add an example"
        onAdd={() => {
          onChange([...rows, { key: rowKey(), quote: "", why: "" }]);
          focus(`${base}-${rows.length}-quote`);
        }}
      />
    </fieldset>
  );
}

export function NotThisField({ formId, rows, errors, onChange, focus, tagLabel }: ListProps<TCaseRow> & { tagLabel: string }) {
  const base = `${formId}-notThis`;
  const max = CODEBOOK_LIMITS.notThis;
  const listError = errors.notThis;
  return (
    <fieldset className="cb-list" id={base} tabIndex={-1} aria-describedby={`${base}-hint${listError ? ` ${base}-error` : ""}`}>
      <legend>
        Not {tagLabel.toLowerCase()} <span className="cb-tally">({rows.length} of {max})</span>
      </legend>
      <p id={`${base}-hint`} className="cb-hint">
        Cases that look like this tag and are not, each with what to do instead.
      </p>
      {rows.length === 0 && <p className="muted small-text">No look-alike cases.</p>}
      <ol className="cb-rows">
        {rows.map((row, i) => (
          <li key={row.key} className="cb-row cb-case-row">
            <TextField
              id={`${base}-${i}`}
              label={`Case ${i + 1}`}
              value={row.text}
              max={CODEBOOK_LIMITS.notThisCase}
              error={errors[`notThis.${i}`]}
              required
              onChange={(text) => onChange(rows.map((r) => (r.key === row.key ? { ...r, text } : r)))}
            />
            <button
              type="button"
              className="button danger small cb-remove"
              onClick={() => {
                onChange(rows.filter((r) => r.key !== row.key));
                focus(afterRemoval(base, i, rows.length - 1));
              }}
            >
              Remove case {i + 1}
            </button>
          </li>
        ))}
      </ol>
      <ListFooter
        base={base}
        error={listError}
        full={rows.length >= max}
        max={max}
        label="Add a case"
        onAdd={() => {
          onChange([...rows, { key: rowKey(), text: "" }]);
          focus(`${base}-${rows.length}`);
        }}
      />
    </fieldset>
  );
}
