"use client";

import { useReducer } from "react";
import type { TAnnotation } from "@/lib/annotations/serialize";

/**
 * The article's annotations as the workspace shows them, in text order. Every change goes through one reducer,
 * so an optimistic create or restore, its confirmation or its rollback, an edit and a delete cannot overwrite each other
 * the way separate setState calls racing on a stale list could.
 */
export type TStoreAction =
  /** Shown at once under a temporary id, before the server answers. */
  | { type: "add"; annotation: TAnnotation }
  /** The server's copy replaces the temporary one. */
  | { type: "confirm"; tempId: string; saved: TAnnotation }
  /** A saved annotation, new or changed (an accepted suggestion, an edit, a confirmed restore). */
  | { type: "upsert"; annotation: TAnnotation }
  /**
   * A deleted annotation shown again at once, as it was, before the server confirms the restore (then "upsert") or
   * refuses it (then "remove"). A copy already in the list (a reload raced the Undo) is newer and stays.
   */
  | { type: "restore"; annotation: TAnnotation }
  /** Deleted, or an optimistic create the server refused. */
  | { type: "remove"; id: string }
  /** A fresh list from the server. */
  | { type: "replace"; annotations: readonly TAnnotation[] }
  /** A fresh list fetched because a teammate changed something: creates of ours still on the wire stay shown. */
  | { type: "sync"; annotations: readonly TAnnotation[] };

/** The id an optimistic create shows under until the server answers. */
export const tempId = (n: number) => `temp-${n}`;
export const isTemp = (id: string) => id.startsWith("temp-");

const byPosition = (a: TAnnotation, b: TAnnotation) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt);

function without(list: readonly TAnnotation[], ...ids: string[]) {
  return list.filter((a) => !ids.includes(a.id));
}

export function annotationsReducer(state: readonly TAnnotation[], action: TStoreAction): readonly TAnnotation[] {
  switch (action.type) {
    case "add":
    case "upsert":
      return [...without(state, action.annotation.id), action.annotation].sort(byPosition);
    case "restore":
      return state.some((a) => a.id === action.annotation.id) ? state : [...state, action.annotation].sort(byPosition);
    case "confirm":
      return [...without(state, action.tempId, action.saved.id), action.saved].sort(byPosition);
    case "remove":
      return without(state, action.id);
    case "replace":
      return [...action.annotations].sort(byPosition);
    case "sync":
      return [...action.annotations, ...state.filter((a) => isTemp(a.id))].sort(byPosition);
  }
}

export function useAnnotationStore(initial: readonly TAnnotation[]) {
  return useReducer(annotationsReducer, initial, (list) => [...list].sort(byPosition));
}
