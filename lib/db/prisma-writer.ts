import { dbTag, withApiTag } from "@/lib/annotations/tags";
import type { Tx } from "./client";
import { lockRows } from "./locks";
import type { TAnnotationPurger, TScoreStore } from "./store";

/** The audit writer, purger and score store inside a Prisma transaction, on either database. */
export function prismaWriter(tx: Tx): TAnnotationPurger & TScoreStore {
  return {
    async insertAuditEvent(event) {
      await tx.auditEvent.create({ data: event });
    },
    async purgeAnnotation(id) {
      const { count } = await tx.review.deleteMany({ where: { annotationId: id } });
      await tx.annotation.delete({ where: { id } });
      return count;
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
    async articleScoreInputs(articleId) {
      const rows = await tx.annotation.findMany({
        where: { articleId, deletedAt: null },
        select: { id: true, start: true, end: true, tag: true, status: true },
      });
      return rows.map(withApiTag);
    },
    tagRangesBetween({ articleId, tag, from, to, exceptId }) {
      return tx.annotation.findMany({
        where: {
          articleId,
          start: { gte: from, lte: to },
          tag: dbTag(tag),
          status: { not: "rejected" },
          deletedAt: null,
          ...(exceptId === undefined ? {} : { id: { not: exceptId } }),
        },
        select: { start: true, end: true },
      });
    },
    async updateScoreCache(articleId, cache) {
      await tx.article.update({ where: { id: articleId }, data: cache });
    },
  };
}
