import { z } from "zod";
import { sameType } from "@/lib/api-client/same-type";
import type { search } from "@/lib/search/search";
import { ZSearchQuery } from "@/lib/search/schemas";

/** GET /api/search?q=…[&tag&outlet&storyId&author&status] */
export const ZSearchRequest = ZSearchQuery;
export type TSearchRequest = z.input<typeof ZSearchRequest>;
export const ZSearchResponse = z.strictObject({
  results: z.array(
    z.strictObject({
      kind: z.enum(["article", "annotation"]),
      articleId: z.string(),
      annotationId: z.string().optional(),
      title: z.string(),
      snippet: z.string(),
    }),
  ),
});
sameType<z.infer<typeof ZSearchResponse>, Awaited<ReturnType<typeof search>>>();
