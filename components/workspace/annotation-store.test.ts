import { describe, expect, it } from "vitest";
import type { TAnnotation } from "@/lib/annotations/serialize";
import { annotationsReducer, tempId } from "./annotation-store";

function annotation(id: string, start: number, over: Partial<TAnnotation> = {}): TAnnotation {
  return {
    id,
    articleId: "article",
    start,
    end: start + 5,
    quote: "quote",
    prefix: "",
    suffix: "",
    tag: "opinion",
    note: "",
    author: { id: "ana", name: "Ana", email: "" },
    status: "pending",
    agreeCount: 0,
    disagreeCount: 0,
    createdAt: "2026-12-01T10:00:00.000Z",
    updatedAt: "2026-12-01T10:00:00.000Z",
    ...over,
  };
}

describe("annotationsReducer: restore (Undo of a delete)", () => {
  const a = annotation("a", 0);
  const b = annotation("b", 10, { status: "rejected", disagreeCount: 1 });
  const c = annotation("c", 20);

  it("puts the deleted annotation back at once, in text order, as it was", () => {
    const afterDelete = annotationsReducer([a, b, c], { type: "remove", id: "b" });
    expect(afterDelete.map((x) => x.id)).toEqual(["a", "c"]);
    const restored = annotationsReducer(afterDelete, { type: "restore", annotation: b });
    expect(restored.map((x) => x.id)).toEqual(["a", "b", "c"]);
    expect(restored[1]).toBe(b);
  });

  it("keeps a copy already in the list (a reload raced the Undo) instead of the older one", () => {
    const reloaded = annotation("b", 10, { status: "accepted", agreeCount: 2 });
    const state = [a, reloaded, c];
    expect(annotationsReducer(state, { type: "restore", annotation: b })).toBe(state);
  });

  it("is confirmed by the server's copy and rolled back by a remove", () => {
    const shown = annotationsReducer([a, c], { type: "restore", annotation: b });
    const saved = { ...b, prefix: "context" };
    expect(annotationsReducer(shown, { type: "upsert", annotation: saved })).toEqual([a, saved, c]);
    expect(annotationsReducer(shown, { type: "remove", id: "b" })).toEqual([a, c]);
  });
});

describe("annotationsReducer: sync (a teammate changed the article)", () => {
  it("takes the server's list and keeps the reader's creates still on the wire", () => {
    const pending = annotation(tempId(1), 15);
    const state = [annotation("a", 0), pending, annotation("gone", 30)];
    const fresh = [annotation("a", 0, { status: "rejected" }), annotation("new", 20)];
    expect(annotationsReducer(state, { type: "sync", annotations: fresh })).toEqual([fresh[0], pending, fresh[1]]);
  });
});
