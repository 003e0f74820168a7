import { codePointLength } from "@/lib/anchoring/code-points";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db, POSTGRES_TRANSACTION_OPTIONS } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { publishChange } from "@/lib/live/publish-change";
import { AppError, notFound } from "@/lib/errors";
import { refreshArticleScore } from "@/lib/scoring/refresh-article-score";
import { bodyHash } from "./body-hash";
import { reanchor, type TPlacement } from "./reanchor";

export type TCorrection = { version: number; reanchored: number; orphaned: string[] };

// A correction re-anchors every annotation of an article at once: allow for a long one.
const TX_OPTIONS = { ...POSTGRES_TRANSACTION_OPTIONS, timeout: 120_000 };

/**
 * Replaces an article's text with a corrected one, keeping the earlier text as a version. Every annotation (deleted
 * ones too, so that a restore still has a place) is re-anchored on the new text (reanchor.ts); one that cannot be
 * placed with confidence — or whose new place another of the same author and tag already takes — is orphaned: kept
 * with its reviews and discussion, put aside so that nothing counts it, and listed for review. Scores follow.
 */
export async function correctArticle(user: TSessionUser, articleId: string, body: string): Promise<TCorrection> {
  assertCan(user, "article:edit");
  const hash = bodyHash(body);
  const correction = await db.$transaction(async (tx) => {
    await lockRows(tx, "Article", [articleId]);
    const article = await tx.article.findFirst({ where: { id: articleId, teamId: user.teamId } });
    if (!article) throw notFound("Article");
    if (article.bodyHash === hash) throw new AppError("CONFLICT", "That is already the article's text.", "body");
    const same = await tx.article.findUnique({ where: { teamId_bodyHash: { teamId: user.teamId, bodyHash: hash } } });
    if (same) throw new AppError("DUPLICATE_ARTICLE", `Your team already has this text as "${same.title}" (${same.id}).`, "body");

    const rows = await tx.annotation.findMany({
      where: { articleId, orphanedAt: null },
      select: { id: true, start: true, end: true, quote: true, prefix: true, suffix: true, authorId: true, tag: true, deletedAt: true, deletedById: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const { placed, orphaned } = reanchor(body, rows);
    // An orphan keeps its old offsets, so its key stays taken; a second annotation landing on a taken key is orphaned.
    const keyOf = (id: string, p: { start: number; end: number }) => `${byId.get(id)!.authorId}|${byId.get(id)!.tag}|${p.start}|${p.end}`;
    const taken = new Set(orphaned.map((id) => keyOf(id, byId.get(id)!)));
    const kept: TPlacement[] = [];
    for (const p of placed) {
      const key = keyOf(p.id, p);
      if (taken.has(key)) orphaned.push(p.id);
      else {
        taken.add(key);
        kept.push(p);
      }
    }

    const now = new Date();
    const moved = kept.filter((p) => p.start !== byId.get(p.id)!.start || p.end !== byId.get(p.id)!.end);
    // Through places no annotation can have first, so that two annotations trading places never collide on the way.
    for (const [i, p] of moved.entries()) await tx.annotation.update({ where: { id: p.id }, data: { start: -2 - i, end: -1 - i } });
    for (const p of kept) {
      const old = byId.get(p.id)!;
      if (p.start === old.start && p.end === old.end && p.exact === old.quote && p.prefix === old.prefix && p.suffix === old.suffix) continue;
      await tx.annotation.update({ where: { id: p.id }, data: { start: p.start, end: p.end, quote: p.exact, prefix: p.prefix, suffix: p.suffix } });
    }
    for (const id of orphaned) {
      const old = byId.get(id)!;
      await tx.annotation.update({ where: { id }, data: { orphanedAt: now, deletedAt: old.deletedAt ?? now, deletedById: old.deletedAt ? old.deletedById : user.id } });
    }

    await tx.articleVersion.create({
      data: { articleId, version: article.version, body: article.body, bodyLength: article.bodyLength, replacedById: user.id, replacedAt: now },
    });
    const version = article.version + 1;
    await tx.article.update({ where: { id: articleId }, data: { body, bodyHash: hash, bodyLength: codePointLength(body), version } });
    await refreshArticleScore(tx, articleId);
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "article.correct",
      entityType: "Article",
      entityId: articleId,
      before: { version: article.version, bodyHash: article.bodyHash, bodyLength: article.bodyLength },
      after: { version, bodyHash: hash, bodyLength: codePointLength(body), reanchored: kept.length, moved: moved.length, orphaned },
    });
    return { version, reanchored: kept.length, orphaned };
  }, TX_OPTIONS);
  publishChange({ teamId: user.teamId, kind: "article", articleId });
  return correction;
}
