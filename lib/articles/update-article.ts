import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish-change";
import type { TUpdateArticle } from "./schemas";
import { articleDetail, type TArticleDetail } from "./serialize";

/**
 * Changes an article's details (title, outlet, author, URL, publication date, story); `null` clears an optional
 * one. Its text and annotations stay as they are. The audit event keeps each changed field before and after.
 */
export async function updateArticle(user: TSessionUser, id: string, input: TUpdateArticle): Promise<TArticleDetail> {
  assertCan(user, "article:edit");
  const updated = await db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id, teamId: user.teamId } });
    if (!article) throw notFound("Article");
    if (input.storyId) {
      const story = await tx.story.findFirst({ where: { id: input.storyId, teamId: user.teamId } });
      if (!story) throw new AppError("INVALID_INPUT", "storyId: no such story in your team.", "storyId");
    }
    const changes = Object.fromEntries(
      Object.entries(input).filter(([key, value]) => value !== undefined && value !== article[key as keyof typeof input]),
    ) as TUpdateArticle;
    const changed = await tx.article.update({ where: { id }, data: changes, include: { story: true } });
    if (Object.keys(changes).length > 0) {
      await recordAuditEvent(tx, {
        teamId: user.teamId,
        actorId: user.id,
        action: "article.update",
        entityType: "Article",
        entityId: id,
        before: Object.fromEntries(Object.keys(changes).map((key) => [key, article[key as keyof typeof input]])),
        after: changes,
      });
    }
    return articleDetail(changed);
  });
  publishChange({ teamId: user.teamId, kind: "article", articleId: id });
  return updated;
}
