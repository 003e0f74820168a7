import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { findArticleScore } from "@/lib/scoring/find-article-score";
import type { TArticleScoreResponse } from "./route.types";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  const { S: _S, T: _T, ...score } = await findArticleScore(user, params.id);
  return json(score satisfies TArticleScoreResponse);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
