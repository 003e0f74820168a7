"use client";

import { useCallback, useState } from "react";
import { TAG_LABELS, type TTag } from "@/lib/annotations/tags";
import type { TCodebookEntryJson } from "@/lib/codebook/serialize";
import { CodebookEntryForm } from "./entry-form";
import { useUnsavedChanges } from "./use-unsaved-changes";
import "./codebook-admin.css";

/** The three tags' forms, each saved on its own; leaving the page with any of them unsaved asks first. */
export function CodebookEditor({ entries }: { entries: TCodebookEntryJson[] }) {
  const [unsaved, setUnsaved] = useState<ReadonlySet<TTag>>(new Set());
  const onDirtyChange = useCallback((tag: TTag, dirty: boolean) => {
    setUnsaved((prev) => {
      if (prev.has(tag) === dirty) return prev;
      const next = new Set(prev);
      if (dirty) next.add(tag);
      else next.delete(tag);
      return next;
    });
  }, []);
  useUnsavedChanges(unsaved.size > 0);

  return (
    <>
      <nav className="cb-jump" aria-label="Tags">
        <span className="muted small-text">Jump to</span>
        {entries.map((e) => (
          <a key={e.tag} href={`#codebook-${e.tag}`}>
            {TAG_LABELS[e.tag]}
            {unsaved.has(e.tag) && <span> (unsaved)</span>}
          </a>
        ))}
      </nav>
      {entries.map((e) => (
        <CodebookEntryForm key={e.tag} initial={e} onDirtyChange={onDirtyChange} />
      ))}
    </>
  );
}
