"use client";

import { useCallback, useRef, useState, type Dispatch } from "react";
import type { TTag } from "@/lib/annotations/tags";
import type { TAnnotation } from "@/lib/annotations/serialize";
import { ApiError, api } from "@/lib/api-client";
import { tempId as temporaryId, type TStoreAction } from "./annotation-store";
import type { TToast } from "./workspace-toast";

type Options = {
  articleId: string;
  currentUser: { id: string; name: string };
  dispatch: Dispatch<TStoreAction>;
  onToast: (toast: TToast | null) => void;
  /** Called after every change that can move the score. */
  onChanged: () => void;
  /** A temporary id was replaced by the saved one (details open on it follow). */
  onRenamed: (tempId: string, savedId: string) => void;
  onDeleted: (id: string) => void;
};

export type TSpan = { start: number; end: number; quote: string };

/** Create, edit, delete (with Undo, a restore) and reload, talking to the server and keeping the store in step. */
export function useAnnotationActions({ articleId, currentUser, dispatch, onToast, onChanged, onRenamed, onDeleted }: Options) {
  const [busy, setBusy] = useState(false);
  const tempCounter = useRef(0);

  const create = useCallback(
    async (span: TSpan, tag: TTag, note: string) => {
      const tempId = temporaryId(++tempCounter.current);
      const now = new Date().toISOString();
      dispatch({
        type: "add",
        annotation: {
          id: tempId,
          articleId,
          start: span.start,
          end: span.end,
          quote: span.quote,
          prefix: "",
          suffix: "",
          tag,
          note,
          author: { id: currentUser.id, name: currentUser.name, email: "" },
          status: "pending",
          agreeCount: 0,
          disagreeCount: 0,
          createdAt: now,
          updatedAt: now,
        },
      });
      try {
        const saved = await api.createAnnotation(articleId, {
          start: span.start,
          end: span.end,
          tag,
          quote: span.quote,
          ...(note ? { note } : {}),
        });
        dispatch({ type: "confirm", tempId, saved });
        onRenamed(tempId, saved.id);
        onChanged();
        return true;
      } catch (error) {
        dispatch({ type: "remove", id: tempId });
        onToast({ kind: "error", text: `Not saved: ${(error as Error).message}` });
        return false;
      }
    },
    [articleId, currentUser.id, currentUser.name, dispatch, onChanged, onRenamed, onToast],
  );

  const update = useCallback(
    async (id: string, changes: { tag?: TTag; note?: string }) => {
      setBusy(true);
      try {
        dispatch({ type: "upsert", annotation: await api.updateAnnotation(id, changes) });
        onToast({ kind: "info", text: "Annotation updated." });
        onChanged();
      } catch (error) {
        onToast({ kind: "error", text: `Not changed: ${(error as Error).message}` });
      } finally {
        setBusy(false);
      }
    },
    [dispatch, onChanged, onToast],
  );

  const reload = useCallback(async () => {
    try {
      const { annotations } = await api.listAnnotations(articleId);
      dispatch({ type: "replace", annotations });
    } catch (error) {
      onToast({ kind: "error", text: (error as Error).message });
    }
    onChanged();
  }, [articleId, dispatch, onChanged, onToast]);

  const remove = useCallback(
    async (removed: TAnnotation) => {
      setBusy(true);
      try {
        await api.deleteAnnotation(removed.id);
        dispatch({ type: "remove", id: removed.id });
        onDeleted(removed.id);
        onChanged();
        // Whoever could delete it may restore it: the same annotation comes back, reviews and status included.
        const restore = async () => {
          onToast(null);
          dispatch({ type: "restore", annotation: removed });
          try {
            dispatch({ type: "upsert", annotation: await api.restoreAnnotation(removed.id) });
            onToast({ kind: "info", text: "Annotation restored." });
            onChanged();
          } catch (error) {
            dispatch({ type: "remove", id: removed.id });
            onToast({ kind: "error", text: `Could not restore the annotation: ${(error as Error).message}` });
            // A conflict means the server's list differs from ours (restored elsewhere, or replaced): show its list.
            if (error instanceof ApiError && error.status === 409) void reload();
          }
        };
        onToast({ kind: "info", text: "Annotation deleted.", undo: () => void restore() });
      } catch (error) {
        onToast({ kind: "error", text: `Not deleted: ${(error as Error).message}` });
      } finally {
        setBusy(false);
      }
    },
    [dispatch, onChanged, onDeleted, onToast, reload],
  );

  return { busy, create, update, remove, reload };
}
