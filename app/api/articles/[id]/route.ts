import { apiRoute, json } from "@/lib/api/handler";
import { getArticle } from "@/lib/articles/find-articles";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => json(await getArticle(user, params.id)));
