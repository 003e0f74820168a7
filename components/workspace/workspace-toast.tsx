"use client";

import { useEffect } from "react";

export type TToast = { kind: "error" | "info"; text: string; undo?: () => void };

/** The workspace's one message at a time; a message offering Undo stays until it is used or dismissed. */
export function WorkspaceToast({ toast, onDismiss }: { toast: TToast | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!toast || toast.undo) return;
    const t = setTimeout(onDismiss, 6000);
    return () => clearTimeout(t);
  }, [toast, onDismiss]);

  if (!toast) return null;
  return (
    <div className={`toast ${toast.kind}`} role={toast.kind === "error" ? "alert" : "status"} data-testid="toast">
      <span>{toast.text}</span>
      {toast.undo && (
        <button type="button" className="button small" onClick={toast.undo}>
          Undo
        </button>
      )}
      <button type="button" className="button ghost small" onClick={onDismiss} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
