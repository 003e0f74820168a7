import { describe, expect, it } from "vitest";
import * as lexicons from "./lexicons";

describe("lexicons", () => {
  it("are lowercase with straight apostrophes, as token lookups expect", () => {
    for (const [name, value] of Object.entries(lexicons)) {
      const entries = value instanceof Set ? [...value] : Array.isArray(value) ? value : [];
      for (const entry of entries as string[]) {
        expect(entry, name).toBe(entry.toLowerCase());
        expect(entry, name).not.toMatch(/’/);
        expect(entry.trim(), name).toBe(entry);
      }
    }
  });

  it("keep people, institutions and documents apart", () => {
    for (const w of lexicons.PERSON_NOUNS) {
      expect(lexicons.INSTITUTION_NOUNS.has(w), w).toBe(false);
      expect(lexicons.DOCUMENT_NOUNS.has(w), w).toBe(false);
    }
    for (const w of lexicons.SPOKES_NOUNS) expect(lexicons.PERSON_NOUNS.has(w), w).toBe(false);
  });
});
