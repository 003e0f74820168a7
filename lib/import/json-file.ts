import { MAX_JSON_DEPTH } from "./limits";

/**
 * Whether a JSON text nests arrays and objects more than `max` deep, by counting brackets outside strings: a loop,
 * so it answers for any depth before anything recursive (JSON.stringify, a structured clone) could meet it.
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** A JSON file's value, or why it cannot be read: not JSON, or nested deeper than any import needs. */
export function readJsonFile(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
    return { ok: false, message: `nests arrays and objects more than ${MAX_JSON_DEPTH} deep; no import needs that many.` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `is not valid JSON (${(error as Error).message}).` };
  }
}
