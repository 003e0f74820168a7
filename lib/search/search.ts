import type { TSessionUser } from "@/lib/auth/session-user";
import { searchRows } from "@/lib/db/search-query";
import { AppError } from "@/lib/errors";
import type { TSearchInput } from "./schemas";

export type TSearchResult = {
  kind: "article" | "annotation";
  articleId: string;
  annotationId?: string;
  title: string;
  snippet: string;
};

/** Results of each kind at most; the page asks for a narrower search beyond that. */
export const SEARCH_LIMIT = 50;
const MAX_WORDS = 8;

/** The words searched for: runs of letters and digits, so nothing typed is ever search syntax. */
export function searchWords(q: string): string[] {
  return (q.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS).map((w) => w.slice(0, 40));
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/**
 * The team's articles (title or text) and annotations (quote or note) holding every word typed, the last also as
 * the start of a word; filters by outlet and story, and for annotations by tag, author and status.
 */
export async function search(user: TSessionUser, input: TSearchInput): Promise<{ results: TSearchResult[] }> {
  const words = searchWords(input.q);
  if (words.length === 0) throw new AppError("INVALID_INPUT", "q: type at least one word (letters or digits).", "q");
  const rows = await searchRows({
    teamId: user.teamId,
    words,
    outlet: input.outlet,
    storyId: input.storyId,
    tag: input.tag,
    authorId: input.author,
    status: input.status,
    limit: SEARCH_LIMIT,
  });
  return {
    results: rows.map((r) => ({
      kind: r.kind,
      articleId: r.articleId,
      ...(r.annotationId ? { annotationId: r.annotationId } : {}),
      title: r.title,
      snippet: squash(r.kind === "annotation" && r.note ? `${r.excerpt} — note: ${r.note}` : r.excerpt),
    })),
  };
}
