"use client";

import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { insertMention, matchMembers, mentionQuery, type TMember, type TMentionQuery } from "./mentions";

type Props = {
  label: string;
  value: string;
  onChange: (text: string) => void;
  members: readonly TMember[];
  /** Ctrl+Enter or Cmd+Enter. */
  onSubmit: () => void;
  /** What Ctrl+Enter does, for the hint under the field. */
  submitVerb: "sends" | "saves";
  /** While a save is under way: the text stays focused and readable but cannot change. */
  readOnly?: boolean;
  autoFocus?: boolean;
};

/**
 * A labelled textarea that completes `@` mentions of teammates. The suggestions are a listbox the textarea
 * controls (aria-autocomplete, aria-activedescendant): arrows move, Enter or Tab inserts `@Name `, Escape
 * closes; a click inserts too.
 */
export function MentionTextarea({ label, value, onChange, members, onSubmit, submitVerb, readOnly, autoFocus }: Props) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [query, setQuery] = useState<TMentionQuery | null>(null);
  const [active, setActive] = useState(0);
  // The `@` whose suggestions were dismissed with Escape stays closed until another one is typed.
  const [dismissed, setDismissed] = useState<number | null>(null);
  const options = query && query.start !== dismissed ? matchMembers(members, query.query) : [];
  const open = options.length > 0;
  const current = Math.min(active, options.length - 1);
  const listId = `${id}-mentions`;
  const optionId = (i: number) => `${id}-mention-${i}`;

  // Where the caret goes once an inserted mention is on screen: set before the next key can land, since setting the
  // value moves the caret to the end.
  const caretAfter = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (caretAfter.current === null) return;
    ref.current?.setSelectionRange(caretAfter.current, caretAfter.current);
    caretAfter.current = null;
  });

  // The list sits in the flow under the field: inside a scrolled box (the details) the chosen option is kept in view.
  useEffect(() => {
    if (open) document.getElementById(optionId(current))?.scrollIntoView({ block: "nearest" });
  });

  function track(el: HTMLTextAreaElement) {
    const next = el.selectionStart === el.selectionEnd ? mentionQuery(el.value, el.selectionStart) : null;
    if (next?.start !== query?.start || next?.query !== query?.query) setActive(0);
    if (!next) setDismissed(null);
    setQuery(next);
  }

  function choose(member: TMember) {
    const el = ref.current;
    if (!el || !query) return;
    const next = insertMention(value, query, el.selectionStart, member.name);
    caretAfter.current = next.caret;
    onChange(next.text);
    setQuery(null);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSubmit();
      return;
    }
    if (!open) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((current + step + options.length) % options.length);
    } else if ((e.key === "Enter" || e.key === "Tab") && !e.shiftKey) {
      e.preventDefault();
      choose(options[current]!);
    } else if (e.key === "Escape") {
      e.preventDefault();
      setDismissed(query?.start ?? null);
    }
  }

  return (
    <div className="mention-field">
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={ref}
        id={id}
        value={value}
        rows={3}
        readOnly={readOnly}
        autoFocus={autoFocus}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(current) : undefined}
        aria-describedby={`${id}-hint`}
        // The details popover leaves this Escape to the suggestions instead of taking focus away.
        data-own-escape={open ? "" : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target);
        }}
        onSelect={(e) => track(e.currentTarget)}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label="Teammates to mention" className="mention-list">
          {options.map((m, i) => (
            <li
              key={m.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className={i === current ? "active" : undefined}
              // Before the textarea's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="mention-name">{m.name}</span> <span className="mention-email">{m.email}</span>
            </li>
          ))}
        </ul>
      )}
      <p id={`${id}-hint`} className="mention-hint">
        Type @ to mention a teammate. Ctrl+Enter (⌘+Enter on a Mac) {submitVerb}.
      </p>
    </div>
  );
}
