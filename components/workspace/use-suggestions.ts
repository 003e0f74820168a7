"use client";

import { useCallback, useEffect, useMemo, useState, type RefObject } from "react";
import type { TAnnotation } from "@/lib/annotations/serialize";
import { api } from "@/lib/api-client";
import type { TSuggestion } from "@/lib/suggestions/types";
import { suggestionId } from "./suggestion-id";
import { useSuggestionsShown } from "./use-suggestions-shown";

type Options = {
  articleId: string;
  initial: TSuggestion[];
  bodyRef: RefObject<HTMLElement | null>;
  onAccepted: (saved: TAnnotation) => void;
  onMessage: (kind: "info" | "error", text: string) => void;
};

const segmentsOf = (s: TSuggestion) => `[data-sg~="${CSS.escape(suggestionId(s))}"]`;

/** The detector's open proposals: which one is in focus, whether they are drawn, accepting and dismissing. */
export function useSuggestions({ articleId, initial, bodyRef, onAccepted, onMessage }: Options) {
  const [suggestions, setSuggestions] = useState<TSuggestion[]>(initial);
  const [shown, setShown] = useSuggestionsShown();
  const [focused, setFocused] = useState(0);
  // The focused suggestion is marked in the text, and shown in the panel to accept or dismiss, only once the
  // reader turns to suggestions: the first one does not greet them looking like a saved highlight, and y or x
  // never decides on a passage they have not been shown.
  const [marked, setMarked] = useState(false);
  const [busy, setBusy] = useState(false);

  const drawn = useMemo(() => (shown ? suggestions.map((s) => ({ ...s, id: suggestionId(s) })) : []), [shown, suggestions]);

  // `scroll` is false for a click in the text: the suggestion is already under the pointer, and moving the page
  // would put the next clicks of a multi-click selection on another paragraph.
  const focus = useCallback(
    (i: number, scroll = true) => {
      setFocused(i);
      setMarked(true);
      setShown(true);
      const s = suggestions[i];
      if (!s || !scroll) return;
      requestAnimationFrame(() => bodyRef.current?.querySelector(segmentsOf(s))?.scrollIntoView({ behavior: "smooth", block: "center" }));
    },
    [suggestions, setShown, bodyRef],
  );
  // The first press shows the suggestion in focus; later ones move on.
  const next = useCallback(() => {
    if (suggestions.length) focus(marked ? (focused + 1) % suggestions.length : focused);
  }, [suggestions.length, focused, focus, marked]);
  const onClickInText = useCallback(
    (id: string) => {
      const i = suggestions.findIndex((x) => suggestionId(x) === id);
      if (i >= 0) focus(i, false);
    },
    [suggestions, focus],
  );

  const take = useCallback(
    async (action: "accept" | "dismiss") => {
      const s = suggestions[focused];
      if (!s || busy || !marked) return;
      setBusy(true);
      try {
        const key = { start: s.start, end: s.end, tag: s.tag };
        if (action === "accept") onAccepted(await api.acceptSuggestion(articleId, key));
        else await api.dismissSuggestion(articleId, key);
        setSuggestions((list) => list.filter((x) => suggestionId(x) !== suggestionId(s)));
        setFocused((i) => Math.max(0, Math.min(i, suggestions.length - 2)));
        onMessage("info", action === "accept" ? "Suggestion accepted as your annotation." : "Suggestion dismissed.");
      } catch (error) {
        onMessage("error", (error as Error).message);
      } finally {
        setBusy(false);
      }
    },
    [suggestions, focused, busy, marked, articleId, onAccepted, onMessage],
  );
  const accept = useCallback(() => void take("accept"), [take]);
  const dismiss = useCallback(() => void take("dismiss"), [take]);

  useEffect(() => {
    const root = bodyRef.current;
    if (!root) return;
    for (const el of root.querySelectorAll(".sg-focus")) el.classList.remove("sg-focus");
    const s = marked && shown ? suggestions[focused] : undefined;
    if (s) for (const el of root.querySelectorAll(segmentsOf(s))) el.classList.add("sg-focus");
  }, [focused, suggestions, shown, marked, bodyRef]);

  return { suggestions, drawn, shown, setShown, focused, marked, busy, next, onClickInText, accept, dismiss };
}
