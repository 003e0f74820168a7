import { formatCount, MAX_JSON_CONTAINERS, MAX_JSON_DEPTH } from "./limits";

/**
 * How a JSON text nests: whether it goes deeper than `maxDepth`, and whether it holds more than `maxContainers`
 * arrays and objects, by counting brackets outside strings. A loop, so it answers for any depth before anything
 * recursive (JSON.stringify, a structured clone) could meet it, and before JSON.parse builds millions of objects.
 */
export function jsonShape(text: string, maxDepth: number, maxContainers: number): "ok" | "tooDeep" | "tooMany" {
  let depth = 0;
  let containers = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return "tooDeep";
      if (++containers > maxContainers) return "tooMany";
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return "ok";
}

/** A JSON file's value, or why it cannot be read (413 when it is too big to read at all). */
export function readJsonFile(text: string): { ok: true; value: unknown } | { ok: false; message: string; tooLarge: boolean } {
  const shape = jsonShape(text, MAX_JSON_DEPTH, MAX_JSON_CONTAINERS);
  if (shape === "tooDeep") {
    return { ok: false, tooLarge: false, message: `nests arrays and objects more than ${MAX_JSON_DEPTH} deep; no import needs that many.` };
  }
  if (shape === "tooMany") {
    return { ok: false, tooLarge: true, message: `holds more than ${formatCount(MAX_JSON_CONTAINERS)} arrays and objects; split it into smaller files.` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, tooLarge: false, message: `is not valid JSON (${(error as Error).message}).` };
  }
}
