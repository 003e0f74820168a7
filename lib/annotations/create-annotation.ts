import { textQuoteSelector } from "@/lib/anchoring/text-quote";
import { ApiError, notFound } from "@/lib/api/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { TCreateAnnotation } from "./schemas";
import { AUTHOR_SELECT, auditSnapshot, serializeAnnotation, type TAnnotation } from "./serialize";
import { afterAnnotationsChanged } from "./after-change";

/**
 * Creates an annotation on an article of the user's team. The server computes the quote and its context
 * from the stored body; the same span and tag saved again by the same user returns the existing one.
 */
export async function createAnnotation(
  user: TSessionUser,
  articleId: string,
  input: TCreateAnnotation,
  options: { auditAction?: string } = {},
): Promise<{ annotation: TAnnotation; created: boolean }> {
  return db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({
      where: { id: articleId, teamId: user.teamId },
      select: { id: true, body: true, bodyLength: true },
    });
    if (!article) throw notFound("Article");
    if (input.end > article.bodyLength) {
      throw new ApiError(400, "OUT_OF_RANGE", `end: must be at most ${article.bodyLength}, the article's length.`, "end");
    }
    const selector = textQuoteSelector(article.body, input.start, input.end, article.bodyLength);
    if (input.quote !== undefined && input.quote !== selector.exact) {
      throw new ApiError(409, "QUOTE_MISMATCH", "The quote does not match the article text at those offsets.", "quote");
    }
    const existing = await tx.annotation.findUnique({
      where: {
        articleId_authorId_start_end_tag: {
          articleId,
          authorId: user.id,
          start: input.start,
          end: input.end,
          tag: input.tag,
        },
      },
      include: { author: AUTHOR_SELECT },
    });
    if (existing) return { annotation: serializeAnnotation(existing), created: false };
    const annotation = await tx.annotation.create({
      data: {
        articleId,
        authorId: user.id,
        start: input.start,
        end: input.end,
        quote: selector.exact,
        prefix: selector.prefix,
        suffix: selector.suffix,
        tag: input.tag,
        note: input.note ?? "",
      },
      include: { author: AUTHOR_SELECT },
    });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: options.auditAction ?? "annotation.create",
      entityType: "Annotation",
      entityId: annotation.id,
      after: auditSnapshot(annotation),
    });
    await afterAnnotationsChanged(tx, articleId);
    return { annotation: serializeAnnotation(annotation), created: true };
  });
}
