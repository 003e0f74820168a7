import { z } from "zod";
import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { correctArticle } from "@/lib/articles/correct-article";
import { ZCorrectArticleRequest } from "./route.types";

export const PUT = apiRoute(
  { params: z.object({ id: z.string() }), body: ZCorrectArticleRequest, maxBytes: 8 * 1024 * 1024, requires: "article:edit" },
  async ({ user, params, body }) => json(await correctArticle(user, params.id, body.body)),
);

export const { GET, HEAD, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
