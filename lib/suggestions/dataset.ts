import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { TAGS } from "@/lib/annotations/tags";

/**
 * The labelled data (seed/suggestions/GUIDELINES.md): texts with hand-labelled gold spans. `dev` is the
 * development set the rules were written against; `heldout` and `heldout-2` were written and labelled with the
 * rules frozen, and their first runs are recorded in GUIDELINES.md.
 */
export const DATASET_DIR = path.resolve(__dirname, "..", "..", "seed", "suggestions");
const REPO_ROOT = path.resolve(__dirname, "..", "..");

const ZGoldSpan = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  tag: z.enum(TAGS),
  quote: z.string().min(1),
});
export const SPLITS = ["dev", "heldout", "heldout-2"] as const;
export type TSplit = (typeof SPLITS)[number];

const ZGoldFile = z.object({
  id: z.string().min(1),
  split: z.enum(SPLITS),
  text: z.string().min(1),
  style: z.string(),
  spans: z.array(ZGoldSpan),
});

export type TGoldSpan = z.infer<typeof ZGoldSpan>;
export type TGoldDocument = { id: string; split: TSplit; style: string; textPath: string; body: string; spans: TGoldSpan[] };

export function loadDataset(dir = DATASET_DIR): TGoldDocument[] {
  const goldDir = path.join(dir, "gold");
  return readdirSync(goldDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const gold = ZGoldFile.parse(JSON.parse(readFileSync(path.join(goldDir, f), "utf8")));
      const body = readFileSync(path.join(REPO_ROOT, gold.text), "utf8");
      return { id: gold.id, split: gold.split, style: gold.style, textPath: gold.text, body, spans: gold.spans };
    });
}
