import { z } from "zod";
import { sameType } from "@/lib/api-client/same-type";
import type { TImportArticlesResult } from "@/lib/import/import-articles";

/** Where in an upload an entry came from (lib/import/problems.ts, TSource). */
export const ZImportSource = z.strictObject({ file: z.string().optional(), line: z.number().int().optional(), item: z.number().int().optional() });

// POST /api/import/articles takes a multipart form (files plus metadata fields, `dryRun`), read by
// lib/import/read-request.ts: there is no JSON body to describe, so the request is the FormData itself.
export type TImportArticlesRequest = FormData;

/** 201 when articles were created, 200 for a dry run or an import of duplicates only. */
export const ZImportArticlesResponse = z.strictObject({
  dryRun: z.boolean(),
  created: z.array(z.strictObject({ id: z.string().nullable(), title: z.string(), bodyLength: z.number().int(), source: ZImportSource })),
  duplicates: z.array(
    z.strictObject({
      title: z.string(),
      source: ZImportSource,
      existing: z.strictObject({ id: z.string(), title: z.string() }).nullable(),
      earlierInImport: ZImportSource.extend({ title: z.string() }).nullable(),
    }),
  ),
  storiesCreated: z.array(z.string()),
});
export type TImportArticlesResponse = z.infer<typeof ZImportArticlesResponse>;
sameType<TImportArticlesResponse, TImportArticlesResult>();
