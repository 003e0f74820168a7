import { codePointLength } from "@/lib/anchoring/code-points";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { bodyHash } from "./body-hash";
import type { TCreateArticle } from "./schemas";
import { articleDetail } from "./serialize";

export async function createArticle(user: TSessionUser, input: TCreateArticle) {
  const hash = bodyHash(input.body);
  return db.$transaction(async (tx) => {
    if (input.storyId) {
      const story = await tx.story.findFirst({ where: { id: input.storyId, teamId: user.teamId } });
      if (!story) throw new AppError("INVALID_INPUT", "storyId: no such story in your team.", "storyId");
    }
    const existing = await tx.article.findUnique({ where: { teamId_bodyHash: { teamId: user.teamId, bodyHash: hash } } });
    if (existing) {
      throw new AppError("DUPLICATE_ARTICLE", `Your team already has this text as "${existing.title}" (${existing.id}).`, "body");
    }
    const article = await tx.article.create({
      data: {
        teamId: user.teamId,
        title: input.title,
        outlet: input.outlet ?? null,
        author: input.author ?? null,
        url: input.url ?? null,
        publishedAt: input.publishedAt ?? null,
        body: input.body,
        bodyHash: hash,
        bodyLength: codePointLength(input.body),
        storyId: input.storyId ?? null,
        createdById: user.id,
      },
      include: { story: true },
    });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "article.create",
      entityType: "Article",
      entityId: article.id,
      after: { title: article.title, outlet: article.outlet, bodyHash: hash, bodyLength: article.bodyLength },
    });
    return articleDetail(article);
  });
}
