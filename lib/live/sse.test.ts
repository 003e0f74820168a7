import { describe, expect, it } from "vitest";
import { eventDetail, isFor, sseEvent, sseHeartbeat, sseOpening } from "./sse";

const ben = { id: "ben", teamId: "desk" };

describe("who hears a change", () => {
  it("the team, or only the recipients it names", () => {
    expect(isFor(ben, { teamId: "desk", kind: "annotation" })).toBe(true);
    expect(isFor(ben, { teamId: "other", kind: "annotation" })).toBe(false);
    expect(isFor(ben, { teamId: "desk", kind: "notification", userIds: ["ben", "ana"] })).toBe(true);
    expect(isFor(ben, { teamId: "desk", kind: "notification", userIds: ["ana"] })).toBe(false);
    expect(isFor(ben, { teamId: "other", kind: "notification", userIds: ["ben"] })).toBe(false);
  });
});

describe("event detail", () => {
  it("keeps the kind and ids, never the team or recipients, and drops unknown kinds", () => {
    expect(eventDetail({ teamId: "desk", kind: "reply", articleId: "a", annotationId: "n", userIds: ["ben"] })).toEqual({
      kind: "reply",
      articleId: "a",
      annotationId: "n",
    });
    expect(eventDetail({ teamId: "desk", kind: "thread" })).toEqual({ kind: "thread" });
    expect(eventDetail({ teamId: "desk", kind: "something-else" })).toBeNull();
  });
});

describe("the stream's text", () => {
  it("frames an event with its id, kind and one line of JSON", () => {
    expect(sseEvent("7", { kind: "annotation", articleId: "a\nb" })).toBe('id: 7\nevent: annotation\ndata: {"kind":"annotation","articleId":"a\\nb"}\n\n');
    expect(sseEvent("8", { kind: "resync" })).toBe('id: 8\nevent: resync\ndata: {"kind":"resync"}\n\n');
  });

  it("opens with the retry delay and keeps alive with comments", () => {
    expect(sseOpening()).toMatch(/^retry: 2000\n/);
    expect(sseHeartbeat()).toMatch(/^:/);
    expect(sseHeartbeat().endsWith("\n\n")).toBe(true);
  });
});
