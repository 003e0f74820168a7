import { z } from "zod";
import { ZImportSource } from "@/app/api/import/articles/route.types";
import { sameType } from "@/lib/api-client/same-type";
import type { TImportAnnotationsResult } from "@/lib/import/import-annotations";

// POST /api/import/annotations takes a multipart form with one export file (and `dryRun`): see the articles import.
export type TImportAnnotationsRequest = FormData;

/** 201 when annotations were created, 200 for a dry run or a file of duplicates only. */
export const ZImportAnnotationsResponse = z.strictObject({
  dryRun: z.boolean(),
  format: z.enum(["csv", "jsonld"]),
  created: z.number().int(),
  duplicates: z.array(
    z.strictObject({
      source: ZImportSource,
      articleId: z.string(),
      annotatorEmail: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      tag: z.string(),
      existingId: z.string().nullable(),
      earlierInImport: ZImportSource.nullable(),
    }),
  ),
  articles: z.array(
    z.strictObject({
      ref: z.string(),
      id: z.string(),
      title: z.string(),
      matchedBy: z.enum(["id", "bodyHash", "text", "title"]),
      created: z.number().int(),
    }),
  ),
});
export type TImportAnnotationsResponse = z.infer<typeof ZImportAnnotationsResponse>;
sameType<TImportAnnotationsResponse, TImportAnnotationsResult>();
