import { createAnnotation } from "@/lib/annotations/create-annotation";
import type { TAnnotation } from "@/lib/annotations/serialize";
import type { TSessionUser } from "@/lib/auth/session-user";
import { requireSuggestion, teamArticleBody } from "./find-suggestions";
import type { TSuggestionKey } from "./schemas";

export const ACCEPT_AUDIT_ACTION = "annotation.create_from_suggestion";

/**
 * Turns a current suggestion into a real annotation by this user, audited as accepted from a suggestion. The same
 * span and tag accepted again returns the existing annotation (`created: false`).
 */
export async function acceptSuggestion(
  user: TSessionUser,
  articleId: string,
  key: TSuggestionKey,
): Promise<{ annotation: TAnnotation; created: boolean }> {
  const body = await teamArticleBody(user, articleId);
  requireSuggestion(body, key);
  return createAnnotation(user, articleId, { start: key.start, end: key.end, tag: key.tag }, { auditAction: ACCEPT_AUDIT_ACTION });
}
