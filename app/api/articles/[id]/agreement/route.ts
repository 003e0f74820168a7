import { findArticleAgreement } from "@/lib/agreement/find-article-agreement";
import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => json(await findArticleAgreement(user, params.id)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
