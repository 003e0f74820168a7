import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export type TVersionSummary = { version: number; bodyLength: number; replacedAt: string | null; replacedBy: string | null };

/**
 * An article's texts, newest first: the current one (never replaced), then each one a correction replaced, with who
 * replaced it and when. Texts are read one at a time (`body`): an article corrected often holds many.
 */
export async function findVersions(user: TSessionUser, articleId: string) {
  const article = await db.article.findFirst({
    where: { id: articleId, teamId: user.teamId },
    select: {
      id: true,
      title: true,
      version: true,
      bodyLength: true,
      versions: { orderBy: { version: "desc" }, select: { version: true, bodyLength: true, replacedAt: true, replacedBy: { select: { name: true } } } },
    },
  });
  if (!article) throw notFound("Article");
  const versions: TVersionSummary[] = [
    { version: article.version, bodyLength: article.bodyLength, replacedAt: null, replacedBy: null },
    ...article.versions.map((v) => ({ version: v.version, bodyLength: v.bodyLength, replacedAt: v.replacedAt.toISOString(), replacedBy: v.replacedBy?.name ?? null })),
  ];
  const body = async (version: number): Promise<string | null> => {
    if (version === article.version) return (await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { body: true } })).body;
    return (await db.articleVersion.findUnique({ where: { articleId_version: { articleId, version } }, select: { body: true } }))?.body ?? null;
  };
  return { id: article.id, title: article.title, current: article.version, versions, body };
}
