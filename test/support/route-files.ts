import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Every route file under `dir` (app/api), as its path relative to it: "articles/[id]/annotations". */
export function routeFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...routeFiles(full, prefix ? `${prefix}/${name}` : name));
    else if (name === "route.ts") out.push(prefix);
  }
  return out;
}
