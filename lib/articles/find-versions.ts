import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

export type TVersionSummary = { version: number; bodyLength: number; replacedAt: string | null; replacedBy: string | null };

/**
 * An article's texts, newest first: the current one (never replaced), then each one a correction replaced, with who
 * replaced it and when.
 */
export async function findVersions(user: TSessionUser, articleId: string) {
  const article = await db.article.findFirst({
    where: { id: articleId, teamId: user.teamId },
    select: { id: true, title: true, version: true, body: true, bodyLength: true, versions: { orderBy: { version: "desc" }, include: { replacedBy: { select: { name: true } } } } },
  });
  if (!article) throw notFound("Article");
  const versions: TVersionSummary[] = [
    { version: article.version, bodyLength: article.bodyLength, replacedAt: null, replacedBy: null },
    ...article.versions.map((v) => ({ version: v.version, bodyLength: v.bodyLength, replacedAt: v.replacedAt.toISOString(), replacedBy: v.replacedBy?.name ?? null })),
  ];
  const bodies = new Map<number, string>([[article.version, article.body], ...article.versions.map((v) => [v.version, v.body] as [number, string])]);
  return { id: article.id, title: article.title, current: article.version, versions, body: (version: number) => bodies.get(version) ?? null };
}
