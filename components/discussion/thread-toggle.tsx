"use client";

import { ThreadPanel } from "./thread-panel";

type Props = {
  annotationId: string;
  currentUserId: string;
  open: boolean;
  onOpen: (open: boolean) => void;
  version: number;
};

/** The discussion inside an annotation's details: a button that shows or hides it, and the thread when shown. */
export function ThreadToggle({ annotationId, currentUserId, open, onOpen, version }: Props) {
  return (
    <div className="thread-toggle">
      <button type="button" className="button small" aria-expanded={open} onClick={() => onOpen(!open)}>
        {open ? "Hide discussion" : "Show discussion"}
      </button>
      {open && <ThreadPanel annotationId={annotationId} currentUserId={currentUserId} version={version} />}
    </div>
  );
}
