import { dbTag } from "@/lib/annotations/tags";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { requireSuggestion, teamArticleBody } from "./find-suggestions";
import type { TSuggestionKey } from "./schemas";

/** Remembers that this user dismissed this suggestion on this article. Idempotent. */
export async function dismissSuggestion(user: TSessionUser, articleId: string, key: TSuggestionKey): Promise<void> {
  const body = await teamArticleBody(user, articleId);
  requireSuggestion(body, key);
  const row = { userId: user.id, articleId, start: key.start, end: key.end, tag: dbTag(key.tag) };
  await db.suggestionDismissal.upsert({
    where: { userId_articleId_start_end_tag: row },
    update: {},
    create: row,
  });
}
