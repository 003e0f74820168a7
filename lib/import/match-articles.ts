import { CodePointIndex } from "@/lib/anchoring/code-points";
import { CONTEXT_CODE_POINTS } from "@/lib/anchoring/text-quote";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { TAnnotationCandidate } from "./annotation-files";
import type { ImportBudget } from "./budget";

export type TMatchedBy = "id" | "bodyHash" | "text" | "title";

type TArticle = { id: string; title: string; bodyHash: string; bodyLength: number };
export type TMatch = { article: TArticle; matchedBy: TMatchedBy; text: CodePointIndex };

const SHA256 = /^[0-9a-f]{64}$/i;
const ARTICLE_FIELDS = { id: true, title: true, bodyHash: true, bodyLength: true } as const;

/** A body hash the reference carries: the CSV's article_id, or the last segment of a JSON-LD source IRI. */
function hashOf(key: string): string | null {
  const tail = key.split(/[/:]/).pop() ?? "";
  return SHA256.test(tail) ? tail.toLowerCase() : null;
}

async function loadText(id: string): Promise<CodePointIndex> {
  const { body } = await db.article.findUniqueOrThrow({ where: { id }, select: { body: true } });
  return new CodePointIndex(body);
}

export function quoteFits(text: CodePointIndex, row: TAnnotationCandidate): boolean {
  return row.end <= text.length && text.slice(row.start, row.end) === row.quote;
}

/** The context around the span agrees with the file's prefix and suffix, where it gives them. */
function contextFits(text: CodePointIndex, row: TAnnotationCandidate): boolean {
  const before = text.slice(Math.max(0, row.start - CONTEXT_CODE_POINTS), row.start);
  const after = text.slice(row.end, Math.min(text.length, row.end + CONTEXT_CODE_POINTS));
  const prefixOk = row.prefix === null || before.endsWith(row.prefix) || row.prefix.endsWith(before);
  const suffixOk = row.suffix === null || after.startsWith(row.suffix) || row.suffix.startsWith(after);
  return prefixOk && suffixOk;
}

export type TGroup = { ref: TAnnotationCandidate["article"]; rows: TAnnotationCandidate[]; maxEnd: number };

function unmatched(ref: TGroup["ref"], count: number): string {
  const named = ref.title !== null ? ` "${ref.title}"` : "";
  if (count > 1) {
    return `article${named} (${ref.key}) matches ${count} articles of your team by its text; it cannot tell which.`;
  }
  return (
    `unknown article${named} (${ref.key}): no article of your team has this id or body hash, ` +
    "or holds these quotes at these offsets. Import the article first."
  );
}

/**
 * Finds the team's article for each group of annotations: by id, else by body hash, else by text: the one article
 * (with the same title, when the file gives it) whose body holds every quote of the group at its offsets. Ids
 * differ between databases, so the text is what carries an export into a fresh database whose articles were
 * imported anew. Each article body is read at most once.
 */
export async function matchArticles(
  user: TSessionUser,
  groups: Map<string, TGroup>,
  budget: ImportBudget,
): Promise<Map<string, TMatch | string>> {
  const result = new Map<string, TMatch | string>();
  const open: TGroup[] = [];
  for (const [key, group] of groups) {
    await budget.pace();
    const { ref } = group;
    const byId =
      ref.id === null
        ? null
        : await db.article.findFirst({ where: { id: ref.id, teamId: user.teamId }, select: ARTICLE_FIELDS });
    const hash = byId ? null : hashOf(ref.key);
    const byHash =
      hash === null
        ? null
        : await db.article.findFirst({ where: { bodyHash: hash, teamId: user.teamId }, select: ARTICLE_FIELDS });
    const found = byId ?? byHash;
    if (found) result.set(key, { article: found, matchedBy: byId ? "id" : "bodyHash", text: await loadText(found.id) });
    else open.push(group);
  }
  if (open.length === 0) return result;

  const found = new Map<string, TMatch[]>(open.map((group) => [group.ref.key, []]));
  const sameTitle = new Map<string, TArticle[]>();
  const titles = open.every((group) => group.ref.title !== null) ? [...new Set(open.map((group) => group.ref.title!))] : null;
  const articles = await db.article.findMany({
    where: { teamId: user.teamId, ...(titles ? { title: { in: titles } } : {}) },
    select: ARTICLE_FIELDS,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  for (const article of articles) {
    await budget.pace();
    sameTitle.set(article.title, [...(sameTitle.get(article.title) ?? []), article]);
    const fits = open.filter(
      (group) => article.bodyLength >= group.maxEnd && (group.ref.title === null || group.ref.title === article.title),
    );
    if (fits.length === 0) continue;
    const text = await loadText(article.id);
    for (const group of fits) {
      if (group.rows.every((row) => quoteFits(text, row))) found.get(group.ref.key)!.push({ article, matchedBy: "text", text });
    }
  }
  for (const group of open) {
    await budget.pace();
    const matches = found.get(group.ref.key) ?? [];
    const inContext = matches.length > 1 ? matches.filter((m) => group.rows.every((row) => contextFits(m.text, row))) : matches;
    if (inContext.length === 1) {
      result.set(group.ref.key, inContext[0]!);
      continue;
    }
    // Not every quote fits any article, but the title names exactly one: match it, so the rows that do not fit
    // are reported one by one (QUOTE_MISMATCH) rather than all as "unknown article".
    const titled = group.ref.title === null ? [] : (sameTitle.get(group.ref.title) ?? []);
    if (inContext.length === 0 && titled.length === 1) {
      result.set(group.ref.key, { article: titled[0]!, matchedBy: "title", text: await loadText(titled[0]!.id) });
      continue;
    }
    result.set(group.ref.key, unmatched(group.ref, inContext.length));
  }
  return result;
}

