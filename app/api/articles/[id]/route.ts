import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { getArticle } from "@/lib/articles/find-articles";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => json(await getArticle(user, params.id)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
