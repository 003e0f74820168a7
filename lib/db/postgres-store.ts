import { dbTag, withApiTag } from "@/lib/annotations/tags";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Tx } from "./client";
import { prismaWriter } from "./prisma-writer";
import type { TAnnotationWriter, TArticleQuote, TSessionUserRow, TStore } from "./store";

// PostgreSQL through Prisma. Transactions run concurrently here, across connections and app instances: an annotation
// write locks its article's row first (FOR UPDATE, in teamArticleQuote), so two creates on one article take turns
// over the cache while creates on different articles do not wait for each other.

function annotationWriter(tx: Tx): TAnnotationWriter {
  return {
    ...prismaWriter(tx),
    async teamArticleQuote({ articleId, teamId, start, end, context }) {
      // substr counts characters, which in a UTF-8 database are code points, the API's offsets.
      const rows = await tx.$queryRaw<TArticleQuote[]>`
        SELECT "id", "bodyLength",
               substr("body", ${start}::int + 1, ${end}::int - ${start}::int) AS "exact",
               substr("body", greatest(${start}::int - ${context}::int, 0) + 1,
                      ${start}::int - greatest(${start}::int - ${context}::int, 0)) AS "prefix",
               substr("body", ${end}::int + 1, ${context}::int) AS "suffix"
          FROM "Article" WHERE "id" = ${articleId} AND "teamId" = ${teamId}
           FOR UPDATE`;
      return rows[0] ?? null;
    },
    async annotationByKey(key) {
      const row = await tx.annotation.findUnique({ where: { articleId_authorId_start_end_tag: { ...key, tag: dbTag(key.tag) } } });
      return row && withApiTag(row);
    },
    insertAnnotation: async (input) => withApiTag(await tx.annotation.create({ data: { ...input, tag: dbTag(input.tag) } })),
  };
}

export const postgresStore: TStore = {
  annotationWrite(work) {
    return getDb().$transaction((tx) => work(annotationWriter(tx)));
  },

  async sessionUser(userId, sessionId) {
    const rows = await getDb().$queryRaw<TSessionUserRow[]>(Prisma.sql`
      SELECT u."id", u."email", u."name", u."role", u."teamId", u."sessionVersion", t."name" AS "teamName",
             s."expiresAt" AS "sessionExpiresAt", s."revokedAt" AS "sessionRevokedAt"
        FROM "User" u JOIN "Team" t ON t."id" = u."teamId"
        LEFT JOIN "Session" s ON s."id" = ${sessionId} AND s."userId" = u."id"
       WHERE u."id" = ${userId}`);
    return rows[0] ?? null;
  },
};
