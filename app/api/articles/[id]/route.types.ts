import type { z } from "zod";
import { ZArticleDetailResponse } from "@/app/api/articles/route.types";
import { ZUpdateArticle } from "@/lib/articles/schemas";

/** PATCH /api/articles/:id (reviewers and admins): the article with its new details. */
export const ZUpdateArticleRequest = ZUpdateArticle;
export type TUpdateArticleRequest = z.input<typeof ZUpdateArticleRequest>;
export const ZUpdateArticleResponse = ZArticleDetailResponse;
