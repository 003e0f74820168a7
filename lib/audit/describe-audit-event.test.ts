import { describe, expect, it } from "vitest";
import { describeAuditEvent } from "./describe-audit-event";

const snapshot = { start: 1, end: 9, tag: "opinion", note: "", quote: "a quote", authorId: "ana", status: "rejected", reviews: 1 };

describe("describeAuditEvent", () => {
  it("says what a delete kept and a restore brought back: tag, quote, status and reviews", () => {
    expect(describeAuditEvent({ action: "annotation.delete", before: snapshot, after: null })).toBe(
      "Deleted an Opinion annotation on “a quote”, rejected, with 1 review; kept, so it can be restored.",
    );
    expect(describeAuditEvent({ action: "annotation.restore", before: { deletedAt: "x" }, after: { ...snapshot, reviews: 2, status: "accepted" } })).toBe(
      "Restored an Opinion annotation on “a quote”, accepted, with 2 reviews, as it was when deleted.",
    );
  });

  it("says a purge removed a deleted annotation for good and what replaced it", () => {
    expect(describeAuditEvent({ action: "annotation.purge", before: { ...snapshot, tag: "anonymous-source" }, after: { replacedBy: "new-id" } })).toBe(
      "Removed for good the deleted Anonymous source annotation on “a quote”, rejected, with 1 review: its author saved the same span and tag again (replaced by annotation new-id).",
    );
  });

  it("leaves every other event, and malformed snapshots, to the raw fields", () => {
    expect(describeAuditEvent({ action: "annotation.create", before: null, after: snapshot })).toBeNull();
    expect(describeAuditEvent({ action: "annotation.delete", before: null, after: null })).toBeNull();
  });
});
