import { CodePointIndex, codePointLength } from "@/lib/anchoring/code-points";
import { CONTEXT_CODE_POINTS } from "@/lib/anchoring/text-quote";
import { afterAnnotationsChanged } from "@/lib/annotations/after-change";
import { MAX_NOTE_CODE_POINTS } from "@/lib/annotations/schemas";
import { auditSnapshot } from "@/lib/annotations/serialize";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { isAdmin } from "@/lib/auth/roles";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { TAnnotationCandidate, TAnnotationFileFormat } from "./annotation-files";
import { assertCanImport } from "./options";
import { ImportBudget } from "./budget";
import { ProblemList, rejectIfAny, type TImportProblem, type TSource } from "./problems";

export type TMatchedBy = "id" | "bodyHash" | "text" | "title";

export type TImportAnnotationsResult = {
  dryRun: boolean;
  format: TAnnotationFileFormat;
  /** Annotations created (or, in a dry run, that would be). */
  created: number;
  /** Annotations the team already has (same article, annotator, span and tag), or repeated in the file. */
  duplicates: {
    source: TSource;
    articleId: string;
    annotatorEmail: string;
    start: number;
    end: number;
    tag: string;
    existingId: string | null;
    earlierInImport: TSource | null;
  }[];
  /** How each article the file refers to was found in the team. */
  articles: { ref: string; id: string; title: string; matchedBy: TMatchedBy; created: number }[];
};

type TArticle = { id: string; title: string; bodyHash: string; bodyLength: number };
type TMatch = { article: TArticle; matchedBy: TMatchedBy; text: CodePointIndex };

const SHA256 = /^[0-9a-f]{64}$/i;
const TX_OPTIONS = { maxWait: 10_000, timeout: 300_000 };
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

function quoteFits(text: CodePointIndex, row: TAnnotationCandidate): boolean {
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

type TGroup = { ref: TAnnotationCandidate["article"]; rows: TAnnotationCandidate[]; maxEnd: number };

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
async function matchArticles(user: TSessionUser, groups: Map<string, TGroup>): Promise<Map<string, TMatch | string>> {
  const result = new Map<string, TMatch | string>();
  const open: TGroup[] = [];
  for (const [key, group] of groups) {
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

const keyOf = (articleId: string, authorId: string, row: Pick<TAnnotationCandidate, "start" | "end" | "tag">) =>
  `${articleId}\u0000${authorId}\u0000${row.start}\u0000${row.end}\u0000${row.tag}`;

/**
 * Whose annotation a row becomes: the importer's when it names no one or the importer; another teammate's only when
 * an admin imports it. Anyone else naming a teammate would be putting words in their mouth.
 */
function authorOf(
  user: TSessionUser,
  row: TAnnotationCandidate,
  users: Map<string, { id: string; email: string }>,
  field: string,
): { id: string; email: string } | TImportProblem {
  const email = row.annotatorEmail?.toLowerCase() ?? null;
  if (email === null || email === user.email.toLowerCase()) return { id: user.id, email: user.email };
  if (!isAdmin(user.role)) {
    return { ...row.source, field, message: "only an admin may import annotations in another teammate's name." };
  }
  return users.get(email) ?? { ...row.source, field, message: `no user ${row.annotatorEmail} in your team. Add the user first.` };
}

/**
 * Imports annotations (our raw CSV export or a W3C AnnotationCollection) into the caller's team, in one transaction:
 * articles are matched by id, body hash or text, annotators by email within the team (see authorOf), and every
 * quote must be the article's text at its offsets. Any problem refuses the whole file. Every annotation is created
 * pending, with no agree or disagree, at the time of the import and on record as imported by the caller: a status
 * comes from reviews made here, never from a file.
 */
export async function importAnnotations(
  user: TSessionUser,
  format: TAnnotationFileFormat,
  candidates: TAnnotationCandidate[],
  options: { dryRun?: boolean; label?: string; problems?: ProblemList; budget?: ImportBudget } = {},
): Promise<TImportAnnotationsResult> {
  assertCanImport(user, "import annotations");
  // Problems found while reading the file are reported together with the ones found here.
  const problems = options.problems ?? new ProblemList();
  const budget = options.budget ?? new ImportBudget();
  if (candidates.length === 0) {
    rejectIfAny(problems.count > 0 ? problems : new ProblemList([{ field: "file", message: "The file holds no annotations." }]));
  }
  const users = new Map(
    (await db.user.findMany({ where: { teamId: user.teamId }, select: { id: true, email: true } })).map((u) => [
      u.email.toLowerCase(),
      u,
    ]),
  );

  const groups = new Map<string, TGroup>();
  for (const row of candidates) {
    const group = groups.get(row.article.key);
    if (group) {
      group.rows.push(row);
      group.maxEnd = Math.max(group.maxEnd, row.end);
    } else {
      groups.set(row.article.key, { ref: row.article, rows: [row], maxEnd: row.end });
    }
  }
  const matches = new Map<string, TMatch>();
  for (const [key, match] of await matchArticles(user, groups)) {
    if (typeof match !== "string") {
      matches.set(key, match);
      continue;
    }
    for (const row of groups.get(key)?.rows ?? []) {
      problems.push({ ...row.source, field: format === "csv" ? "article_id" : "target", message: match });
    }
  }

  type TPlanned = { row: TAnnotationCandidate; articleId: string; authorId: string; email: string; prefix: string; suffix: string };
  const planned: TPlanned[] = [];
  for (const row of candidates) {
    await budget.pace();
    const rowProblems: TImportProblem[] = [];
    const found = authorOf(user, row, users, format === "csv" ? "annotator_email" : "creator");
    const author = "message" in found ? null : found;
    if ("message" in found) rowProblems.push(found);
    if (codePointLength(row.note) > MAX_NOTE_CODE_POINTS) {
      rowProblems.push({ ...row.source, field: "note", message: `must be at most ${MAX_NOTE_CODE_POINTS} characters.` });
    }
    const match = matches.get(row.article.key);
    if (match && row.end > match.text.length) {
      rowProblems.push({ ...row.source, field: "end", message: `must be at most ${match.text.length}, the article's length.` });
    } else if (match && !quoteFits(match.text, row)) {
      rowProblems.push({
        ...row.source,
        field: "quote",
        message: `does not match the article text at ${row.start}-${row.end} (QUOTE_MISMATCH).`,
      });
    }
    problems.push(...rowProblems);
    if (rowProblems.length === 0 && match && author) {
      planned.push({
        row,
        articleId: match.article.id,
        authorId: author.id,
        email: author.email,
        prefix: match.text.slice(Math.max(0, row.start - CONTEXT_CODE_POINTS), row.start),
        suffix: match.text.slice(row.end, Math.min(match.text.length, row.end + CONTEXT_CODE_POINTS)),
      });
    }
  }
  rejectIfAny(problems);

  return db.$transaction(async (tx) => {
    const articleIds = [...new Set(planned.map((p) => p.articleId))];
    const existing = new Map<string, string>();
    for (let i = 0; i < articleIds.length; i += 200) {
      const rows = await tx.annotation.findMany({
        where: { articleId: { in: articleIds.slice(i, i + 200) } },
        select: { id: true, articleId: true, authorId: true, start: true, end: true, tag: true },
      });
      for (const r of rows) existing.set(keyOf(r.articleId, r.authorId, { start: r.start, end: r.end, tag: r.tag as never }), r.id);
    }

    const result: TImportAnnotationsResult = { dryRun: options.dryRun === true, format, created: 0, duplicates: [], articles: [] };
    const seen = new Map<string, TSource>();
    const toCreate: TPlanned[] = [];
    for (const p of planned) {
      const key = keyOf(p.articleId, p.authorId, p.row);
      const existingId = existing.get(key) ?? null;
      const earlier = seen.get(key) ?? null;
      if (existingId !== null || earlier !== null) {
        result.duplicates.push({
          source: p.row.source,
          articleId: p.articleId,
          annotatorEmail: p.email,
          start: p.row.start,
          end: p.row.end,
          tag: p.row.tag,
          existingId,
          earlierInImport: existingId === null ? earlier : null,
        });
        continue;
      }
      seen.set(key, p.row.source);
      toCreate.push(p);
    }

    const createdPerArticle = new Map<string, number>();
    for (const p of toCreate) createdPerArticle.set(p.articleId, (createdPerArticle.get(p.articleId) ?? 0) + 1);
    for (const [key, match] of matches) {
      result.articles.push({
        ref: key,
        id: match.article.id,
        title: match.article.title,
        matchedBy: match.matchedBy,
        created: createdPerArticle.get(match.article.id) ?? 0,
      });
    }
    result.created = toCreate.length;
    if (options.dryRun) return result;

    const now = new Date();
    for (let i = 0; i < toCreate.length; i += 500) {
      const chunk = toCreate.slice(i, i + 500);
      const created = await tx.annotation.createManyAndReturn({
        data: chunk.map((p) => ({
          articleId: p.articleId,
          authorId: p.authorId,
          start: p.row.start,
          end: p.row.end,
          quote: p.row.quote,
          prefix: p.prefix,
          suffix: p.suffix,
          tag: p.row.tag,
          note: p.row.note,
          importedById: user.id,
          status: "pending",
          agreeCount: 0,
          disagreeCount: 0,
          createdAt: now,
          updatedAt: now,
        })),
        select: { id: true, start: true, end: true, tag: true, note: true, quote: true, authorId: true },
      });
      await tx.auditEvent.createMany({
        data: created.map((a, k) => ({
          teamId: user.teamId,
          actorId: user.id,
          action: "annotation.import",
          entityType: "Annotation",
          entityId: a.id,
          after: JSON.stringify({
            ...auditSnapshot(a),
            source: chunk[k]?.row.source,
            sourceCreatedAt: chunk[k]?.row.sourceCreatedAt ?? null,
          }),
        })),
      });
    }
    for (const articleId of createdPerArticle.keys()) await afterAnnotationsChanged(tx, articleId);
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "import.annotations",
      entityType: "Team",
      entityId: user.teamId,
      after: {
        label: options.label ?? null,
        format,
        created: result.created,
        duplicates: result.duplicates.length,
        articles: result.articles.map(({ id, matchedBy, created }) => ({ id, matchedBy, created })),
      },
    });
    return result;
  }, TX_OPTIONS);
}
