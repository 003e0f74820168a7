import { describe, expect, it } from "vitest";
import { assertCan } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { orNotFound } from "./page-errors";

// What next/navigation's notFound() throws: Next renders the not-found page (status 404) when it sees this digest.
const NEXT_NOT_FOUND = { digest: "NEXT_HTTP_ERROR_FALLBACK;404" };

describe("orNotFound", () => {
  it("passes a loaded value through", async () => {
    await expect(orNotFound(Promise.resolve({ id: "a1" }))).resolves.toEqual({ id: "a1" });
  });

  it("answers NOT_FOUND with Next's notFound()", async () => {
    await expect(orNotFound(Promise.reject(notFound("Article")))).rejects.toMatchObject(NEXT_NOT_FOUND);
  });

  it("answers FORBIDDEN as the admin pages always have: not found", async () => {
    const load = (async () => assertCan({ role: "annotator" }, "audit:read"))();
    await expect(orNotFound(load)).rejects.toMatchObject(NEXT_NOT_FOUND);
  });

  it("throws any other error on, unchanged", async () => {
    const conflict = new AppError("DUPLICATE_ARTICLE", "Your team already has this text.", "body");
    await expect(orNotFound(Promise.reject(conflict))).rejects.toBe(conflict);
    const crash = new Error("database is locked");
    await expect(orNotFound(Promise.reject(crash))).rejects.toBe(crash);
  });
});
