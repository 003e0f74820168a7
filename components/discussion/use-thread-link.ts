"use client";

import { useEffect, useRef } from "react";

type Options = {
  /** Whether the page holds an annotation with this id. */
  has: (annotationId: string) => boolean;
  /** Brings the annotation's passage into view and opens its details. */
  show: (annotationId: string) => void;
  openThread: () => void;
  onMissing: () => void;
};

/**
 * `?annotation={id}&thread=1` (a notification's link): on arrival, the annotation's passage is scrolled into view
 * with its details open, and its discussion too when `thread=1`.
 */
export function useThreadLink({ has, show, openThread, onMissing }: Options) {
  const latest = useRef({ has, show, openThread, onMissing });
  useEffect(() => {
    latest.current = { has, show, openThread, onMissing };
  });
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const id = params.get("annotation");
    if (!id) return;
    const { has, show, openThread, onMissing } = latest.current;
    if (!has(id)) return onMissing();
    if (params.get("thread") === "1") openThread();
    show(id);
  }, []);
}
