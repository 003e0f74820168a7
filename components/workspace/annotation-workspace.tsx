"use client";

import { useMemo } from "react";
import { paragraphs } from "@/lib/anchoring/segments";
import type { TAnnotation } from "@/lib/annotations/serialize";

type Props = {
  article: { id: string; body: string };
  initialAnnotations: TAnnotation[];
  currentUser: { id: string; name: string; role: string };
};

export function AnnotationWorkspace({ article }: Props) {
  const codePoints = useMemo(() => Array.from(article.body), [article.body]);
  const paras = useMemo(() => paragraphs(codePoints, []), [codePoints]);
  return (
    <div className="article-body" data-testid="article-body">
      {paras.map((p) => (
        <p key={p.start}>{codePoints.slice(p.start, p.end).join("")}</p>
      ))}
    </div>
  );
}
