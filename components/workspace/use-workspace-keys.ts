"use client";

import { useEffect, useLayoutEffect, useRef } from "react";
import { TAGS, type TTag } from "@/lib/annotations/tags";

/** What the article's shortcuts can do in the current state; read afresh on every key press. */
export type TWorkspaceKeys = {
  draftOpen: boolean;
  cursorActive: boolean;
  suggestionsOpen: boolean;
  chooseTag: (tag: TTag) => void;
  saveDraft: () => void;
  cancelDraft: () => void;
  /** A keyboard selection (caret browsing) is tagged: opens the palette with the tag chosen, if there is one. */
  tagSelection: (tag: TTag) => boolean;
  enterCursor: () => void;
  moveCursor: (delta: 1 | -1, extend: boolean) => void;
  /** Opens the palette on the cursor's span, with `tag` chosen when given. */
  tagCursor: (tag: TTag | null) => void;
  leaveCursor: () => void;
  nextSuggestion: () => void;
  acceptSuggestion: () => void;
  dismissSuggestion: () => void;
  closeDetails: () => void;
};

const FIELDS = new Set(["INPUT", "TEXTAREA", "SELECT"]);
const FORWARD = new Set(["ArrowDown", "ArrowRight"]);
const BACK = new Set(["ArrowUp", "ArrowLeft"]);

function onKey(e: KeyboardEvent, k: TWorkspaceKeys) {
  const target = e.target as HTMLElement | null;
  if (target && FIELDS.has(target.tagName)) return;
  // Inside the details popover, letters belong to its buttons and fields, not to the article's shortcuts.
  if (target?.closest?.(".details-popover")) return;
  if (e.metaKey || e.ctrlKey || e.altKey) return;
  const digit = ["1", "2", "3"].indexOf(e.key);
  const tag = digit >= 0 ? TAGS[digit]! : null;

  if (k.draftOpen) {
    // Enter on one of the palette's own buttons or links presses it.
    const pressable = target?.closest?.(".palette") && (target.tagName === "BUTTON" || target.tagName === "A");
    if (tag) k.chooseTag(tag);
    else if (e.key === "Enter" && !pressable) k.saveDraft();
    else if (e.key === "Escape") k.cancelDraft();
    else return;
    e.preventDefault();
    return;
  }
  if (k.cursorActive) {
    if (FORWARD.has(e.key) || BACK.has(e.key)) k.moveCursor(FORWARD.has(e.key) ? 1 : -1, e.shiftKey);
    else if (tag || e.key === "Enter") k.tagCursor(tag);
    else if (e.key === "Escape") k.leaveCursor();
    if (FORWARD.has(e.key) || BACK.has(e.key) || tag || e.key === "Enter" || e.key === "Escape") {
      e.preventDefault();
      return;
    }
  }
  if ((e.key === "n" || e.key === "y" || e.key === "x") && k.suggestionsOpen) {
    e.preventDefault();
    if (e.key === "n") k.nextSuggestion();
    else if (e.key === "y") k.acceptSuggestion();
    else k.dismissSuggestion();
    return;
  }
  if (e.key === "t" && !k.cursorActive) {
    e.preventDefault();
    k.enterCursor();
  } else if (tag && k.tagSelection(tag)) {
    e.preventDefault();
  } else if (e.key === "Escape") {
    k.closeDetails();
  }
}

/**
 * The article page's one keyboard handler. The latest state is put in place in a layout effect, so a palette
 * that has just appeared already receives the Enter or Escape pressed the moment it is painted.
 */
export function useWorkspaceKeys(keys: TWorkspaceKeys) {
  const latest = useRef(keys);
  useLayoutEffect(() => {
    latest.current = keys;
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e, latest.current);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);
}
