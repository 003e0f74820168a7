import { z } from "zod";
import { ZCodebookEntry, type TCodebookEntry } from "@/lib/annotations/codebook";
import { TAGS, type TTag } from "@/lib/annotations/tags";
import type { TCodebookEntryJson } from "@/lib/codebook/serialize";

// Every request the codebook page makes, in one place.

const ZEntryAnswer = ZCodebookEntry.extend({
  tag: z.enum(TAGS),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
}) satisfies z.ZodType<TCodebookEntryJson>;
const ZErrorAnswer = z.object({ error: z.object({ message: z.string(), field: z.string().optional() }) });

export type TCodebookAnswer = { ok: true; entry: TCodebookEntryJson } | { ok: false; message: string; field?: string };

async function send(method: "PUT" | "DELETE", tag: TTag, entry?: TCodebookEntry): Promise<TCodebookAnswer> {
  let res: Response;
  try {
    res = await fetch(`/api/codebook/${encodeURIComponent(tag)}`, {
      method,
      ...(entry ? { headers: { "content-type": "application/json" }, body: JSON.stringify(entry) } : {}),
    });
  } catch {
    return { ok: false, message: "The server could not be reached. Check your connection and try again; your text is still here." };
  }
  const data: unknown = await res.json().catch(() => null);
  const answer = ZEntryAnswer.safeParse(data);
  if (res.ok && answer.success) return { ok: true, entry: answer.data };
  const error = ZErrorAnswer.safeParse(data);
  if (!error.success) return { ok: false, message: `Not saved: the server answered ${res.status}. Try again.` };
  return { ok: false, message: error.data.error.message, ...(error.data.error.field ? { field: error.data.error.field } : {}) };
}

export const saveCodebookEntry = (tag: TTag, entry: TCodebookEntry) => send("PUT", tag, entry);
export const resetCodebookEntry = (tag: TTag) => send("DELETE", tag);
