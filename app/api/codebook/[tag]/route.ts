import { z } from "zod";
import { ZCodebookEntry } from "@/lib/annotations/codebook";
import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { resetCodebookEntry } from "@/lib/codebook/reset-codebook-entry";
import { serializeCodebookEntry } from "@/lib/codebook/serialize";
import { updateCodebookEntry } from "@/lib/codebook/update-codebook-entry";

const ZParams = z.object({ tag: z.string() });

// Ten examples and ten look-alikes at their longest, with every character escaped, stay under this.
const MAX_BYTES = 128 * 1024;

export const PUT = apiRoute({ params: ZParams, body: ZCodebookEntry, maxBytes: MAX_BYTES }, async ({ user, params, body }) =>
  json(serializeCodebookEntry(await updateCodebookEntry(user, params.tag, body))),
);

export const DELETE = apiRoute({ params: ZParams }, async ({ user, params }) => json(serializeCodebookEntry(await resetCodebookEntry(user, params.tag))));

export const { GET, HEAD, POST, PATCH, OPTIONS } = otherMethods("PUT", "DELETE");
