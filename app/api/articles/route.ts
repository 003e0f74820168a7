import { apiRoute, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { createArticle } from "@/lib/articles/create-article";
import { findArticlePage, ZArticleListQuery } from "@/lib/articles/find-articles";
import { ZCreateArticle } from "@/lib/articles/schemas";

export const GET = apiRoute(async ({ req, user }) => json(await findArticlePage(user, parseQuery(req.url, ZArticleListQuery))));

export const POST = apiRoute({ body: ZCreateArticle, requires: "article:create" }, async ({ user, body }) =>
  json(await createArticle(user, body), 201),
);

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
