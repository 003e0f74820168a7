import { afterAnnotationChanged } from "@/lib/annotations/after-change";
import { apiTag, dbTag, withApiTag } from "@/lib/annotations/tags";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { lockRows } from "@/lib/db/locks";
import { AppError, notFound } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish-change";
import { announceNotifications } from "@/lib/notifications/announce-notifications";
import { recordNotifications } from "@/lib/notifications/record-notifications";
import type { TReviewInput } from "./schemas";
import { serializeReview, type TReview } from "./serialize";
import { annotationStatus, countVerdicts } from "./status";

/**
 * Records the user's verdict on a teammate's annotation; a second review by the same reviewer replaces
 * the first. The annotation's status and counts, and the article's score, change in the same transaction, which also
 * notifies the annotation's author of a new or changed verdict.
 */
export async function reviewAnnotation(
  user: TSessionUser,
  annotationId: string,
  input: TReviewInput,
): Promise<{ review: TReview; replaced: boolean }> {
  const { articleId, notified, ...result } = await db.$transaction(async (tx) => {
    // Another writer of this annotation waits here until this transaction ends, then reads what it left.
    await lockRows(tx, "Annotation", [annotationId]);
    const annotation = await tx.annotation.findFirst({ where: { id: annotationId, deletedAt: null, article: { teamId: user.teamId } } });
    if (!annotation) throw notFound("Annotation");
    if (annotation.authorId === user.id) throw new AppError("OWN_ANNOTATION", "You cannot review your own annotation.");
    const data = {
      verdict: input.verdict,
      comment: input.comment ?? "",
      suggestedTag: input.verdict === "disagree" ? (input.suggestedTag ?? null) : null,
    };
    const stored = { ...data, suggestedTag: data.suggestedTag === null ? null : dbTag(data.suggestedTag) };
    const previous = await tx.review.findUnique({
      where: { annotationId_reviewerId: { annotationId, reviewerId: user.id } },
    });
    const review = await tx.review.upsert({
      where: { annotationId_reviewerId: { annotationId, reviewerId: user.id } },
      update: stored,
      create: { ...stored, annotationId, reviewerId: user.id },
      include: { reviewer: { select: { id: true, name: true } } },
    });
    const reviews = await tx.review.findMany({ where: { annotationId }, select: { verdict: true, reviewerId: true } });
    const counts = countVerdicts(reviews, annotation.authorId);
    await tx.annotation.update({
      where: { id: annotationId },
      data: { agreeCount: counts.agree, disagreeCount: counts.disagree, status: annotationStatus(counts.agree, counts.disagree) },
    });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: previous ? "review.update" : "review.create",
      entityType: "Review",
      entityId: review.id,
      before: previous ? { verdict: previous.verdict, comment: previous.comment, suggestedTag: previous.suggestedTag && apiTag(previous.suggestedTag) } : undefined,
      after: { annotationId, ...data },
    });
    // A review resent unchanged tells its author nothing new.
    const changed = !previous || previous.verdict !== stored.verdict || previous.comment !== stored.comment || previous.suggestedTag !== stored.suggestedTag;
    const notified = changed ? await recordNotifications(tx, { event: "verdict", actorId: user.id, annotation }) : [];
    const status = annotationStatus(counts.agree, counts.disagree);
    if (annotation.status !== status) {
      const before = withApiTag(annotation);
      await afterAnnotationChanged(tx, annotation.articleId, { id: annotationId, before, after: { ...before, status } });
    }
    return { review: serializeReview(review), replaced: previous !== null, articleId: annotation.articleId, notified };
  });
  publishChange({ teamId: user.teamId, kind: "review", articleId, annotationId });
  announceNotifications(user.teamId, { articleId, annotationId }, notified);
  return result;
}
