import cuid from "@bugsnag/cuid";
import { CONTEXT_CODE_POINTS, type TTextQuoteSelector } from "@/lib/anchoring/text-quote";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/session-user";
import { store } from "@/lib/db/store";
import { AppError, notFound } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish-change";
import { groupsBesides, groupWindow, type TRangeReader } from "@/lib/scoring/consensus-delta";
import { cacheAfterCreate } from "@/lib/scoring/refresh-article-score";
import { purgeDeletedAnnotation } from "./purge-deleted";
import type { TCreateAnnotation } from "./schemas";
import { auditSnapshot, serializeAnnotation, type TAnnotation } from "./serialize";

/**
 * Creates an annotation on an article of the user's team. The server computes the quote and its context
 * from the stored body; the same span and tag saved again by the same user returns the existing one, or, when that
 * one is deleted, replaces it (purgeDeletedAnnotation).
 * The annotation, its audit event and the article's score refresh are one transaction, and every read in it comes
 * after the article is locked; the refresh reads only the spans that could share a passage with the new one; the quote and context are cut by the database with the same code-point offsets as
 * textQuoteSelector. The team hears of a new annotation once it is committed.
 */
export async function createAnnotation(
  user: TSessionUser,
  articleId: string,
  input: TCreateAnnotation,
  options: { auditAction?: string } = {},
): Promise<{ annotation: TAnnotation; created: boolean }> {
  const author = { id: user.id, name: user.name, email: user.email };
  const result = await (await store()).annotationWrite(async (w) => {
    const key = { articleId, authorId: user.id, start: input.start, end: input.end, tag: input.tag };
    const window = groupWindow(input);
    const found = await w.createContext({ ...key, teamId: user.teamId, context: CONTEXT_CODE_POINTS, window });
    if (!found) throw notFound("Article");
    const { article, score, existing, nearbyRanges } = found;
    if (input.end > article.bodyLength) {
      throw new AppError("OUT_OF_RANGE", `end: must be at most ${article.bodyLength}, the article's length.`, "end");
    }
    const selector = { exact: article.exact, prefix: article.prefix, suffix: article.suffix } satisfies TTextQuoteSelector;
    if (input.quote !== undefined && input.quote !== selector.exact) {
      throw new AppError("QUOTE_MISMATCH", "The quote does not match the article text at those offsets.", "quote");
    }
    if (existing && existing.deletedAt === null) return { annotation: serializeAnnotation({ ...existing, author }), created: false };
    const id = cuid();
    if (existing) await purgeDeletedAnnotation(w, user, existing, id);
    // Read before anything is written (TAnnotationWriter): the groups the new range joins.
    const others: TRangeReader = (from, to) => w.tagRangesBetween({ articleId, tag: input.tag, from, to, exceptId: id });
    const groupsJoined = await groupsBesides(input, others, { ...window, ranges: nearbyRanges });
    const annotation = await w.insertAnnotation({
      ...key,
      id,
      quote: selector.exact,
      prefix: selector.prefix,
      suffix: selector.suffix,
      note: input.note ?? "",
    });
    await recordAuditEvent(w, {
      teamId: user.teamId,
      actorId: user.id,
      action: options.auditAction ?? "annotation.create",
      entityType: "Annotation",
      entityId: annotation.id,
      after: auditSnapshot(annotation),
    });
    await w.updateScoreCache(articleId, cacheAfterCreate(score, input.tag, groupsJoined));
    return { annotation: serializeAnnotation({ ...annotation, author }), created: true };
  });
  if (result.created) publishChange({ teamId: user.teamId, kind: "annotation", articleId, annotationId: result.annotation.id });
  return result;
}
