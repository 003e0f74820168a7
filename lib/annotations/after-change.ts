import type { Tx } from "@/lib/db/client";
import { prismaWriter } from "@/lib/db/prisma-writer";
import { refreshScoreAfterChange, type TScoreChange } from "@/lib/scoring/refresh-article-score";

/** Run inside every transaction that changes one annotation's tag, status or existence (deleted or not). */
export async function afterAnnotationChanged(tx: Tx, articleId: string, change: TScoreChange): Promise<void> {
  await refreshScoreAfterChange(prismaWriter(tx), articleId, change);
}
