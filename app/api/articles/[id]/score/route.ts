import { apiRoute, json } from "@/lib/api/handler";
import { findArticleScore } from "@/lib/scoring/find-article-score";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => {
  const { S: _S, T: _T, ...score } = await findArticleScore(user, params.id);
  return json(score);
});
