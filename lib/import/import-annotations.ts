import cuid from "@bugsnag/cuid";
import { codePointLength } from "@/lib/anchoring/code-points";
import { CONTEXT_CODE_POINTS } from "@/lib/anchoring/text-quote";
import { refreshArticleScore } from "@/lib/scoring/refresh-article-score";
import { purgeDeletedAnnotation } from "@/lib/annotations/purge-deleted";
import { MAX_NOTE_CODE_POINTS } from "@/lib/annotations/schemas";
import { auditSnapshot } from "@/lib/annotations/serialize";
import { apiTag, dbTag, withApiTag } from "@/lib/annotations/tags";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { prismaWriter } from "@/lib/db/prisma-writer";
import { publishChange } from "@/lib/live/publish-change";
import { textProblem } from "@/lib/text/well-formed";
import type { TAnnotationCandidate, TAnnotationFileFormat } from "./annotation-files";
import { matchArticles, quoteFits, type TGroup, type TMatch, type TMatchedBy } from "./match-articles";
import { ImportBudget } from "./budget";
import { ProblemList, rejectIfAny, type TImportProblem, type TSource } from "./problems";

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

const TX_OPTIONS = { maxWait: 10_000, timeout: 300_000 };

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
  if (!can(user, "import:annotations-for-others")) {
    return { ...row.source, field, message: "only an admin may import annotations in another teammate's name." };
  }
  return users.get(email) ?? { ...row.source, field, message: `no user ${row.annotatorEmail} in your team. Add the user first.` };
}

/**
 * Imports annotations (our raw CSV export or a W3C AnnotationCollection) into the caller's team, in one transaction:
 * articles are matched by id, body hash or text, annotators by email within the team (see authorOf), and every
 * quote must be the article's text at its offsets. Any problem refuses the whole file. Every annotation is created
 * pending, with no agree or disagree, at the time of the import and on record as imported by the caller: a status
 * comes from reviews made here, never from a file. The route requires import:annotations. Once committed, each
 * article that gained annotations is announced to the team (one change each).
 */
export async function importAnnotations(
  user: TSessionUser,
  format: TAnnotationFileFormat,
  candidates: TAnnotationCandidate[],
  options: { dryRun?: boolean; label?: string; problems?: ProblemList; budget?: ImportBudget } = {},
): Promise<TImportAnnotationsResult> {
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
  for (const [key, match] of await matchArticles(user, groups, budget)) {
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
    const noteProblem = textProblem(row.note);
    if (noteProblem) rowProblems.push({ ...row.source, field: "note", message: `${noteProblem}.` });
    else if (codePointLength(row.note) > MAX_NOTE_CODE_POINTS) {
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

  const result = await db.$transaction(async (tx) => {
    const articleIds = [...new Set(planned.map((p) => p.articleId))];
    const existing = new Map<string, string>();
    // Deleted annotations are no duplicates, but hold their key until an imported one replaces them.
    const deleted = new Map<string, string>();
    for (let i = 0; i < articleIds.length; i += 200) {
      const rows = await tx.annotation.findMany({
        where: { articleId: { in: articleIds.slice(i, i + 200) } },
        select: { id: true, articleId: true, authorId: true, start: true, end: true, tag: true, deletedAt: true },
      });
      for (const r of rows) {
        (r.deletedAt === null ? existing : deleted).set(keyOf(r.articleId, r.authorId, { start: r.start, end: r.end, tag: apiTag(r.tag) }), r.id);
      }
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

    const ids = new Map(toCreate.map((p) => [p, cuid()]));
    const replaced = new Map<string, string>();
    for (const p of toCreate) {
      const deletedId = deleted.get(keyOf(p.articleId, p.authorId, p.row));
      if (deletedId !== undefined) replaced.set(deletedId, ids.get(p)!);
    }
    const replacedIds = [...replaced.keys()];
    for (let i = 0; i < replacedIds.length; i += 200) {
      for (const row of await tx.annotation.findMany({ where: { id: { in: replacedIds.slice(i, i + 200) } } })) {
        await purgeDeletedAnnotation(prismaWriter(tx), user, withApiTag(row), replaced.get(row.id)!);
      }
    }

    const now = new Date();
    for (let i = 0; i < toCreate.length; i += 500) {
      const chunk = toCreate.slice(i, i + 500);
      const created = await tx.annotation.createManyAndReturn({
        data: chunk.map((p) => ({
          id: ids.get(p)!,
          articleId: p.articleId,
          authorId: p.authorId,
          start: p.row.start,
          end: p.row.end,
          quote: p.row.quote,
          prefix: p.prefix,
          suffix: p.suffix,
          tag: dbTag(p.row.tag),
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
            ...auditSnapshot(withApiTag(a)),
            source: chunk[k]?.row.source,
            sourceCreatedAt: chunk[k]?.row.sourceCreatedAt ?? null,
          }),
        })),
      });
    }
    // Many spans at once: each article's score is recomputed whole.
    for (const articleId of createdPerArticle.keys()) await refreshArticleScore(tx, articleId);
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
  if (!result.dryRun) {
    const touched = new Set(result.articles.filter((a) => a.created > 0).map((a) => a.id));
    for (const articleId of touched) publishChange({ teamId: user.teamId, kind: "annotation", articleId });
  }
  return result;
}
