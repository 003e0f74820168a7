"use client";

import { useMemo, useState } from "react";
import { TAGS, type TTag } from "@/lib/annotations/tags";
import type { TAnnotation } from "@/lib/annotations/serialize";
import type { TLayer } from "./layer-controls";

/** Whose annotations are shown, which tags, whether rejected ones are hidden; counts per tag for the legend. */
export function useLayers(annotations: readonly TAnnotation[], currentUserId: string) {
  const [layer, setLayer] = useState<TLayer>("everyone");
  const [hiddenTags, setHiddenTags] = useState<ReadonlySet<TTag>>(new Set());
  const [hideRejected, setHideRejected] = useState(false);

  const inLayer = useMemo(
    () =>
      annotations.filter((a) =>
        layer === "everyone" ? true : layer === "mine" ? a.author.id === currentUserId : a.author.id === layer,
      ),
    [annotations, layer, currentUserId],
  );
  const visible = useMemo(
    () => inLayer.filter((a) => !hiddenTags.has(a.tag) && !(hideRejected && a.status === "rejected")),
    [inLayer, hiddenTags, hideRejected],
  );
  const counts = useMemo(() => {
    const c = Object.fromEntries(TAGS.map((t) => [t, 0])) as Record<TTag, number>;
    for (const a of inLayer) if (a.tag in c) c[a.tag]++;
    return c;
  }, [inLayer]);
  const authors = useMemo(() => {
    const m = new Map<string, string>();
    for (const a of annotations) m.set(a.author.id, a.author.name);
    return [...m].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [annotations]);
  const toggleTag = (t: TTag) =>
    setHiddenTags((s) => {
      const next = new Set(s);
      if (next.has(t)) next.delete(t);
      else next.add(t);
      return next;
    });

  return { layer, setLayer, hiddenTags, toggleTag, hideRejected, setHideRejected, visible, counts, authors };
}
