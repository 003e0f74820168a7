import { z } from "zod";
import type { extractArticle } from "@/lib/articles/extract/extract-article";
import { ZExtractArticle } from "@/lib/articles/extract/schemas";
import { sameType } from "@/lib/api-client/same-type";

/** POST /api/articles/extract: the article found on the page, nothing saved. */
export const ZExtractArticleRequest = ZExtractArticle;
export type TExtractArticleRequest = z.input<typeof ZExtractArticleRequest>;
export const ZExtractArticleResponse = z.strictObject({
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  byline: z.string().nullable(),
  publishedAt: z.string().nullable(),
  url: z.string().nullable(),
  body: z.string(),
});
export type TExtractArticleResponse = z.infer<typeof ZExtractArticleResponse>;
sameType<TExtractArticleResponse, Awaited<ReturnType<typeof extractArticle>>>();
