import { z } from "zod";
import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { getArticle } from "@/lib/articles/find-articles";
import { updateArticle } from "@/lib/articles/update-article";
import { ZUpdateArticleRequest } from "./route.types";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => json(await getArticle(user, params.id)));

export const PATCH = apiRoute({ params: z.object({ id: z.string() }), body: ZUpdateArticleRequest, maxBytes: 16 * 1024, requires: "article:edit" }, async ({ user, params, body }) =>
  json(await updateArticle(user, params.id, body)),
);

export const { POST, PUT, DELETE, OPTIONS } = otherMethods("GET", "PATCH");
