"use client";

import { useEffect } from "react";

const QUESTION = "You have unsaved changes to the codebook. Leave this page and lose them?";

/**
 * While `unsaved`, asks before the page is left: the browser's own prompt for reloads, closing and typed addresses,
 * and a confirmation before following a link inside the app (Next's links navigate without unloading the page).
 */
export function useUnsavedChanges(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const beforeUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    // Capture on the document runs before React's own listeners, so a refusal stops the link's navigation too.
    const click = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === "_blank") return;
      const samePage = link.pathname === location.pathname && link.search === location.search;
      if (samePage && link.hash) return;
      if (window.confirm(QUESTION)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("beforeunload", beforeUnload);
    document.addEventListener("click", click, true);
    return () => {
      window.removeEventListener("beforeunload", beforeUnload);
      document.removeEventListener("click", click, true);
    };
  }, [unsaved]);
}
