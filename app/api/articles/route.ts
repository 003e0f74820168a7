import { apiRoute, json } from "@/lib/api/handler";
import { readJson } from "@/lib/api/json";
import { createArticle } from "@/lib/articles/create-article";
import { findArticles } from "@/lib/articles/find-articles";
import { ZCreateArticle } from "@/lib/articles/schemas";

export const GET = apiRoute(async ({ user }) => json({ articles: await findArticles(user) }));

export const POST = apiRoute(async ({ req, user }) => {
  const input = await readJson(req, ZCreateArticle);
  return json(await createArticle(user, input), 201);
});
