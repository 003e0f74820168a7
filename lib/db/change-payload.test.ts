import { describe, expect, it } from "vitest";
import { changePayloads, MAX_PAYLOAD_BYTES, parseChangePayload } from "./change-payload";

describe("change payloads", () => {
  it("round-trips a message, leaving out what it does not name", () => {
    const message = { teamId: "t1", kind: "review", articleId: "a1", annotationId: "n1" };
    const [payload, ...rest] = changePayloads(message);
    expect(rest).toEqual([]);
    expect(parseChangePayload(payload)).toEqual(message);
    expect(parseChangePayload(changePayloads({ teamId: "t1", kind: "annotation" })[0])).toEqual({ teamId: "t1", kind: "annotation" });
  });

  it("splits a long recipient list over payloads under the limit, naming each recipient once", () => {
    const userIds = Array.from({ length: 600 }, (_, i) => `user-${String(i).padStart(20, "0")}`);
    const payloads = changePayloads({ teamId: "t1", kind: "notification", annotationId: "n1", userIds });
    expect(payloads.length).toBeGreaterThan(1);
    for (const p of payloads) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
    const parsed = payloads.map((p) => parseChangePayload(p)!);
    expect(parsed.flatMap((m) => m.userIds)).toEqual(userIds);
    for (const m of parsed) expect(m).toMatchObject({ teamId: "t1", kind: "notification", annotationId: "n1" });
  });

  it("refuses what is not an announcement", () => {
    for (const bad of [undefined, "", "nope", "null", "[]", "{}", '{"teamId":"t"}', '{"kind":"annotation"}', '{"teamId":"t","kind":""}',
      '{"teamId":"t","kind":"k","articleId":5}', '{"teamId":"t","kind":"k","userIds":"u"}', '{"teamId":"t","kind":"k","userIds":[1]}']) {
      expect(parseChangePayload(bad)).toBeNull();
    }
  });
});
