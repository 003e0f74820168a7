import { z } from "zod";
import { ERROR_CODES } from "@/lib/errors";
import type { TImportProblem } from "@/lib/import/problems";
import { sameType } from "./same-type";

/** One problem of a refused import (docs/api.md, Import formats). */
export const ZImportProblem = z.strictObject({
  file: z.string().optional(),
  line: z.number().int().optional(),
  item: z.number().int().optional(),
  path: z.string().optional(),
  field: z.string().optional(),
  message: z.string(),
});
sameType<z.infer<typeof ZImportProblem>, TImportProblem>();

/** Every error the API answers (lib/api/errors.ts, errorBody): imports add their problems and how many there were. */
export const ZApiErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    field: z.string().optional(),
    problems: z.array(ZImportProblem).optional(),
    problemCount: z.number().int().optional(),
  }),
});
export type TApiErrorBody = z.infer<typeof ZApiErrorBody>;

/**
 * What the client makes of an error answer: this API's body as above, or whatever a proxy or a server under strain
 * sent instead, of which any message is kept and the rest is not trusted.
 */
export const ZReceivedErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES).optional().catch(undefined),
    message: z.string().optional().catch(undefined),
    field: z.string().optional().catch(undefined),
    problems: z.array(ZImportProblem).optional().catch(undefined),
    problemCount: z.number().int().optional().catch(undefined),
  }),
});
