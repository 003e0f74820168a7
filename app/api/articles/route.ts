import { apiRoute, json } from "@/lib/api/handler";
import { parseQuery, readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { createArticle } from "@/lib/articles/create-article";
import { findArticlePage, ZArticleListQuery } from "@/lib/articles/find-articles";
import { ZCreateArticle } from "@/lib/articles/schemas";

export const GET = apiRoute(async ({ req, user }) => json(await findArticlePage(user, parseQuery(req.url, ZArticleListQuery))));

export const POST = apiRoute(async ({ req, user }) => {
  const input = await readJson(req, ZCreateArticle);
  return json(await createArticle(user, input), 201);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
