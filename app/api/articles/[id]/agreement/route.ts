import { findArticleAgreement } from "@/lib/agreement/find-article-agreement";
import { apiRoute, json } from "@/lib/api/handler";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => json(await findArticleAgreement(user, params.id)));
