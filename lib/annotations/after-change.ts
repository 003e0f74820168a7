import type { Tx } from "@/lib/db/client";
import { refreshArticleScore } from "@/lib/scoring/refresh-article-score";

/** Run inside every transaction that changes an article's annotations or their statuses. */
export async function afterAnnotationsChanged(tx: Tx, articleId: string): Promise<void> {
  await refreshArticleScore(tx, articleId);
}
