"use client";

import Link from "next/link";
import { SuggestionToggle } from "./suggestion-toggle";

type Props = {
  suggestions: { shown: boolean; onShown: (shown: boolean) => void; count: number };
  onKeyboard: () => void;
};

/** Above the article, where a newcomer starts reading: how to tag, by mouse or keyboard, and the suggestions switch. */
export function WorkspaceBar({ suggestions, onKeyboard }: Props) {
  return (
    <div className="workspace-bar" data-testid="workspace-bar">
      <div className="workspace-hint" data-testid="workspace-hint">
        <p>
          <strong>Select text to tag it.</strong> A palette opens with the three tags and what each one means.{" "}
          <Link href="/how-to-tag" data-testid="how-to-tag-link">
            How to tag
          </Link>
        </p>
        <p className="workspace-keys">
          Keyboard: <kbd>t</kbd> starts a sentence cursor, <kbd>↑</kbd> <kbd>↓</kbd> move it, <kbd>Shift</kbd>+<kbd>↑</kbd> <kbd>↓</kbd>{" "}
          extend, <kbd>1</kbd> <kbd>2</kbd> <kbd>3</kbd> tag, <kbd>Esc</kbd> stops. Highlights: click, or <kbd>Tab</kbd> to one and{" "}
          <kbd>Enter</kbd>, for details.
        </p>
      </div>
      <div className="workspace-controls">
        <button type="button" className="button small" onClick={onKeyboard}>
          Tag with the keyboard <kbd>t</kbd>
        </button>
        <SuggestionToggle shown={suggestions.shown} onShown={suggestions.onShown} count={suggestions.count} />
      </div>
    </div>
  );
}
