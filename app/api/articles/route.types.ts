import { z } from "zod";
import { sameType } from "@/lib/api-client/same-type";
import type { articleDetail } from "@/lib/articles/serialize";
import { ZCreateArticle } from "@/lib/articles/schemas";

/** An article with its text, as lib/articles/serialize.ts answers it. */
export const ZArticleDetailResponse = z.strictObject({
  id: z.string(),
  title: z.string(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  storyId: z.string().nullable(),
  annotationCount: z.number().int(),
  score: z.number().nullable(),
  body: z.string(),
  bodyLength: z.number().int(),
  version: z.number().int(),
  story: z.strictObject({ id: z.string(), title: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
sameType<z.infer<typeof ZArticleDetailResponse>, ReturnType<typeof articleDetail>>();

/** POST /api/articles (reviewers and admins): 201. */
export const ZCreateArticleRequest = ZCreateArticle;
export type TCreateArticleRequest = z.input<typeof ZCreateArticleRequest>;
export const ZCreateArticleResponse = ZArticleDetailResponse;
export type TCreateArticleResponse = z.infer<typeof ZCreateArticleResponse>;
