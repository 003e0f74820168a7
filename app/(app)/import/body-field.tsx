"use client";

import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";
import { removeBoilerplate, type TRemovedLine } from "@/lib/articles/boilerplate";

type TCleaned = { before: string; removed: TRemovedLine[] } | null;

/**
 * The article text: page furniture in what is pasted (or read from a web page) is taken out at once, and the
 * notice under the field says what went, with Undo. The stored body is exactly what the field holds when sent.
 */
export function BodyField({ initial = "", title, invalid }: { initial?: string; title: () => string; invalid?: boolean }) {
  const [start] = useState(() => (initial ? removeBoilerplate(initial, title()) : null));
  const [value, setValue] = useState(start ? start.text : initial);
  const [cleaned, setCleaned] = useState<TCleaned>(start?.removed.length ? { before: initial, removed: start.removed } : null);
  const noticeId = useId();
  const field = useRef<HTMLTextAreaElement>(null);

  // A controlled field ignores its form's reset (after an article is added): it empties itself on the event.
  useEffect(() => {
    const form = field.current?.form;
    if (!form) return;
    const reset = () => {
      setValue("");
      setCleaned(null);
    };
    form.addEventListener("reset", reset);
    return () => form.removeEventListener("reset", reset);
  }, []);

  function onChange(event: ChangeEvent<HTMLTextAreaElement>) {
    const next = event.target.value;
    if ((event.nativeEvent as InputEvent).inputType === "insertFromPaste") {
      const result = removeBoilerplate(next, title());
      if (result.removed.length) {
        setValue(result.text);
        setCleaned({ before: next, removed: result.removed });
        return;
      }
    }
    setValue(next);
  }

  const reasons = cleaned ? [...new Set(cleaned.removed.map((r) => r.reason))].join(", ") : "";
  return (
    <>
      <label className="field">
        Article text
        <textarea name="body" required rows={12} aria-invalid={invalid} spellCheck={false} value={value} onChange={onChange} ref={field} aria-describedby={cleaned ? noticeId : undefined} />
      </label>
      {cleaned && (
        <div className="notice cleanup" id={noticeId} role="status" data-testid="body-cleanup">
          <p>
            Took out {cleaned.removed.length} line{cleaned.removed.length === 1 ? "" : "s"} of page furniture ({reasons}).{" "}
            <button
              type="button"
              className="button small"
              onClick={() => {
                setValue(cleaned.before);
                setCleaned(null);
              }}
            >
              Undo
            </button>
          </p>
          <details>
            <summary>Show what was taken out</summary>
            <ul>
              {cleaned.removed.map((r, i) => (
                <li key={i}>
                  <q>{r.text}</q> <span className="muted">({r.reason})</span>
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </>
  );
}
