import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "@/lib/errors";
import { HTTP_STATUS } from "./status";

// The Errors table of docs/api.md: `| 409 | \`EMAIL_TAKEN\` | …` (one row may name two codes: `A` / `B`).
function documentedStatuses(): Map<string, number> {
  const doc = readFileSync(path.join(__dirname, "../../docs/api.md"), "utf8");
  const section = doc.slice(doc.indexOf("## Errors"), doc.indexOf("\n## ", doc.indexOf("## Errors") + 1));
  const statuses = new Map<string, number>();
  for (const [, status, codes] of section.matchAll(/^\| (\d{3}) \| ([^|]+) \|/gm)) {
    for (const [, code] of codes!.matchAll(/`([A-Z_]+)`/g)) statuses.set(code!, Number(status));
  }
  return statuses;
}

describe("HTTP_STATUS", () => {
  it("gives every error code a status, and nothing else one", () => {
    expect(Object.keys(HTTP_STATUS).sort()).toEqual([...ERROR_CODES].sort());
  });

  it("answers every code with a 4xx or 5xx status", () => {
    for (const code of ERROR_CODES) {
      expect(Number.isInteger(HTTP_STATUS[code]), code).toBe(true);
      expect(HTTP_STATUS[code], code).toBeGreaterThanOrEqual(400);
      expect(HTTP_STATUS[code], code).toBeLessThan(600);
    }
  });

  it("is the table docs/api.md publishes, code for code", () => {
    const documented = documentedStatuses();
    expect(documented.size).toBeGreaterThan(20);
    expect(Object.fromEntries(documented)).toEqual({ ...HTTP_STATUS });
  });
});
