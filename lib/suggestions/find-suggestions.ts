import { withApiTag } from "@/lib/annotations/tags";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { cachedSuggestions } from "./cache";
import { suggestionKey, type TSuggestionKey } from "./schemas";
import type { TSuggestion } from "./types";

/** The team's article body, or 404 (another team's article is never revealed). */
export async function teamArticleBody(user: TSessionUser, articleId: string): Promise<string> {
  const article = await db.article.findFirst({ where: { id: articleId, teamId: user.teamId }, select: { body: true } });
  if (!article) throw notFound("Article");
  return article.body;
}

/**
 * The suggestions the user still has to decide on for an article: the detector's output minus what this user
 * dismissed and minus spans this user already annotated with the same tag (a deleted annotation hides nothing). In
 * text order.
 */
export async function findSuggestions(user: TSessionUser, articleId: string): Promise<TSuggestion[]> {
  const body = await teamArticleBody(user, articleId);
  const all = cachedSuggestions(body);
  const [dismissed, annotated] = await Promise.all([
    db.suggestionDismissal.findMany({ where: { userId: user.id, articleId }, select: { start: true, end: true, tag: true } }),
    db.annotation.findMany({ where: { articleId, authorId: user.id, deletedAt: null }, select: { start: true, end: true, tag: true } }),
  ]);
  const hidden = new Set([...dismissed, ...annotated].map((row) => suggestionKey(withApiTag(row))));
  return all.filter((s) => !hidden.has(suggestionKey(s))).map((s) => ({ ...s }));
}

/** The detector's suggestion with this span and tag on this body, or 404 SUGGESTION_NOT_FOUND. */
export function requireSuggestion(body: string, key: TSuggestionKey): TSuggestion {
  const found = cachedSuggestions(body).find((s) => s.start === key.start && s.end === key.end && s.tag === key.tag);
  if (!found) throw new AppError("SUGGESTION_NOT_FOUND", "There is no such suggestion for this article.");
  return found;
}
