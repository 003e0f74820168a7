import type { TCodebookEntryResponse } from "@/app/api/codebook/route.types";
import type { TCodebookEntry } from "@/lib/annotations/codebook";
import type { TTag } from "@/lib/annotations/tags";
import { ApiError, api } from "@/lib/api-client";

// The codebook page's two requests, with every failure as a sentence for the form (and the field at fault).

export type TCodebookAnswer = { ok: true; entry: TCodebookEntryResponse } | { ok: false; message: string; field?: string };

async function answer(call: Promise<TCodebookEntryResponse>): Promise<TCodebookAnswer> {
  try {
    return { ok: true, entry: await call };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === "NETWORK_ERROR") {
      return { ok: false, message: "The server could not be reached. Check your connection and try again; your text is still here." };
    }
    if (error.code === "UNEXPECTED_RESPONSE") return { ok: false, message: `Not saved: the server answered ${error.status}. Try again.` };
    return { ok: false, message: error.message, ...(error.field ? { field: error.field } : {}) };
  }
}

export const saveCodebookEntry = (tag: TTag, entry: TCodebookEntry) => answer(api.updateCodebookEntry(tag, entry));
export const resetCodebookEntry = (tag: TTag) => answer(api.resetCodebookEntry(tag));
