"use client";

import { memo, useMemo } from "react";
import { paragraphs, type TSpan } from "@/lib/anchoring/segments";
import type { TAnnotation } from "@/lib/annotations/serialize";
import { TAG_SHORT } from "@/components/tag-chip";
import { TAG_LABELS, type TTag } from "@/lib/annotations/tags";

type Props = {
  codePoints: readonly string[];
  annotations: readonly TAnnotation[];
  /** Proposed spans, drawn as dotted boxes under ids starting with "sug:". */
  suggestions: readonly { id: string; start: number; end: number; tag: TTag; reason: string }[];
  /** `ids` in the order a repeated click cycles through them; `el` is the segment the details anchor to. */
  onActivate: (ids: string[], el: HTMLElement) => void;
  onSuggestion: (id: string) => void;
};

/**
 * The article body, cut into segments at every highlight boundary. Every `data-s` element holds exactly
 * one text node starting at that body offset (see lib/anchoring/dom-offsets.ts); labels are drawn with
 * CSS pseudo-elements so they never enter the text or the selection. The active highlight is marked by the
 * parent directly in the DOM, so choosing one does not re-render a 100,000-character body.
 */
export const ArticleText = memo(function ArticleText({ codePoints, annotations, suggestions, onActivate, onSuggestion }: Props) {
  const byId = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations]);
  const suggestionById = useMemo(() => new Map(suggestions.map((s) => [s.id, s])), [suggestions]);
  const paras = useMemo(() => {
    const spans: TSpan[] = [
      ...annotations.map((a) => ({ id: a.id, start: a.start, end: a.end })),
      ...suggestions.map((s) => ({ id: s.id, start: s.start, end: s.end })),
    ];
    return paragraphs(codePoints, spans);
  }, [codePoints, annotations, suggestions]);
  const startsAt = useMemo(() => {
    const m = new Map<number, TAnnotation[]>();
    for (const a of annotations) m.set(a.start, [...(m.get(a.start) ?? []), a]);
    return m;
  }, [annotations]);

  return (
    <>
      {paras.map((p) => (
        <p key={p.start}>
          {p.segments.map((seg) => {
            const text = codePoints.slice(seg.start, seg.end).join("");
            if (seg.ids.length === 0) {
              return (
                <span key={seg.start} data-s={seg.start}>
                  {text}
                </span>
              );
            }
            const covering = seg.ids.map((id) => byId.get(id)!).filter(Boolean);
            const proposed = seg.ids.map((id) => suggestionById.get(id)!).filter(Boolean);
            const sgIds = proposed.map((p) => p.id).join(" ");
            if (covering.length === 0) {
              const p = proposed[0]!;
              return (
                <span
                  key={seg.start}
                  data-s={seg.start}
                  data-sg={sgIds}
                  className={`sg sg-${p.tag}`}
                  title={`Suggested (not saved): ${TAG_LABELS[p.tag]} — ${p.reason}`}
                  onClick={(e) => {
                    // Only a plain click picks the suggestion: the second and third clicks of a multi-click select text.
                    if (e.detail <= 1 && window.getSelection()?.isCollapsed !== false) onSuggestion(p.id);
                  }}
                >
                  {text}
                </span>
              );
            }
            // The innermost (shortest) annotation decides the colour; depth shows how many overlap.
            const top = covering.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
            const starting = (startsAt.get(seg.start) ?? []).filter((a) => seg.ids.includes(a.id));
            const label = [...new Set(starting.map((a) => TAG_SHORT[a.tag]))].join(" · ");
            // The annotations starting here come first, so Enter on a highlight's first segment opens that one.
            const order = [...starting, ...covering.filter((a) => !starting.includes(a))].map((a) => a.id);
            const activate = (el: HTMLElement) => onActivate(order, el);
            const classes = [
              "hl",
              `hl-${top.tag}`,
              proposed.length ? `sg sg-${proposed[0]!.tag}` : "",
              covering.every((a) => a.status === "rejected") ? "hl-rejected" : "",
              covering.length > 1 ? "hl-overlap" : "",
            ];
            return (
              <mark
                key={seg.start}
                data-s={seg.start}
                data-ids={covering.map((a) => a.id).join(" ")}
                data-sg={sgIds || undefined}
                data-tags={[...new Set(covering.map((a) => a.tag))].sort().join(" ")}
                data-depth={Math.min(covering.length, 4)}
                data-label={label || undefined}
                className={classes.filter(Boolean).join(" ")}
                {...(starting.length > 0 ? focusable(starting, text, activate) : {})}
                onClick={(e) => {
                  if (e.detail <= 1 && window.getSelection()?.isCollapsed !== false) activate(e.currentTarget);
                }}
              >
                {text}
              </mark>
            );
          })}
          {p.breakAfter && (
            <span className="br" data-s={p.breakAfter.start}>
              {codePoints.slice(p.breakAfter.start, p.breakAfter.end).join("")}
            </span>
          )}
        </p>
      ))}
    </>
  );
});

/**
 * One tab stop per annotation, on its first segment: a button named by its tag(s) and text, opened with Enter or
 * Space like any button.
 */
function focusable(starting: readonly TAnnotation[], text: string, activate: (el: HTMLElement) => void) {
  const tags = [...new Set(starting.map((a) => TAG_LABELS[a.tag]))].join(", ");
  return {
    tabIndex: 0,
    role: "button",
    "aria-label": `${tags} highlight: ${text}`,
    onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => {
      if (e.key !== "Enter" && e.key !== " ") return;
      e.preventDefault();
      activate(e.currentTarget);
    },
  };
}
