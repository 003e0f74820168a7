import { z } from "zod";
import { sameType } from "@/lib/api-client/same-type";
import type { TCorrection } from "@/lib/articles/correct-article";
import { ZCorrectArticle } from "@/lib/articles/schemas";

/** PUT /api/articles/:id/body (reviewers and admins): the corrected text; annotations are re-anchored on it. */
export const ZCorrectArticleRequest = ZCorrectArticle;
export type TCorrectArticleRequest = z.input<typeof ZCorrectArticleRequest>;
export const ZCorrectArticleResponse = z.strictObject({ version: z.number().int(), reanchored: z.number().int(), orphaned: z.array(z.string()) });
sameType<z.infer<typeof ZCorrectArticleResponse>, TCorrection>();
