import { dbTag, withApiTag } from "@/lib/annotations/tags";
import type { Tx } from "./client";
import { lockRows } from "./locks";
import type { TAuditWriter, TScoreStore } from "./store";

/** The audit writer and score store inside a Prisma transaction, on either database. */
export function prismaWriter(tx: Tx): TAuditWriter & TScoreStore {
  return {
    async insertAuditEvent(event) {
      await tx.auditEvent.create({ data: event });
    },
    lockArticleScore: (articleId) => lockRows(tx, "Article", [articleId]),
    async articleScoreState(articleId) {
      const row = await tx.article.findUnique({
        where: { id: articleId },
        select: {
          annotationCount: true,
          consensusOfficial: true,
          consensusAnonymous: true,
          consensusOpinion: true,
          team: { select: { weightOfficialStatement: true, weightAnonymousSource: true, weightOpinion: true } },
        },
      });
      if (!row) return null;
      const { team, ...counts } = row;
      return { ...team, ...counts };
    },
    articleTagRanges: (articleId, tag) =>
      tx.annotation.findMany({ where: { articleId, tag: dbTag(tag), status: { not: "rejected" } }, select: { start: true, end: true } }),
    async articleScoreInputs(articleId) {
      const rows = await tx.annotation.findMany({ where: { articleId }, select: { id: true, start: true, end: true, tag: true, status: true } });
      return rows.map(withApiTag);
    },
    async updateScoreCache(articleId, cache) {
      await tx.article.update({ where: { id: articleId }, data: cache });
    },
  };
}
