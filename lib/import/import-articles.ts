import { z } from "zod";
import { codePointLength } from "@/lib/anchoring/code-points";
import { bodyHash } from "@/lib/articles/body-hash";
import { ZCreateArticle } from "@/lib/articles/schemas";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { ZText } from "@/lib/text/well-formed";
import type { TArticleCandidate } from "./article-files";
import { ImportBudget } from "./budget";
import { ProblemList, rejectIfAny, type TSource } from "./problems";

/** An imported article: the fields of `POST /api/articles`, plus `story`, a story title found or created in the team. */
export const ZImportArticle = ZCreateArticle.extend({
  story: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    ZText.trim().max(300).nullable().optional(),
  ),
});

// Text fields of a CSV are always strings; "" means "none" for every optional field.
const blankToNull = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, k !== "body" && k !== "title" && v === "" ? null : v]));

export type TImportArticlesResult = {
  dryRun: boolean;
  created: { id: string | null; title: string; bodyLength: number; source: TSource }[];
  /** Texts not created again: the team's article with the same body, or the earlier entry of this import. */
  duplicates: {
    title: string;
    source: TSource;
    existing: { id: string; title: string } | null;
    earlierInImport: (TSource & { title: string }) | null;
  }[];
  storiesCreated: string[];
};

type TValid = {
  source: TSource;
  data: z.infer<typeof ZImportArticle>;
  hash: string;
};

const TX_OPTIONS = { maxWait: 10_000, timeout: 120_000 };

/**
 * Imports articles into the caller's team in one transaction: every candidate is validated first and any problem
 * refuses the whole import (nothing written). A text the team already has (same body hash), or one repeated in
 * the import, is reported as a duplicate and not created again. The route requires import:articles.
 */
export async function importArticles(
  user: TSessionUser,
  candidates: TArticleCandidate[],
  options: { dryRun?: boolean; label?: string; problems?: ProblemList; budget?: ImportBudget } = {},
): Promise<TImportArticlesResult> {
  // Problems found while reading the files are reported together with the ones found here; articleCandidates has
  // already refused an upload of too many articles.
  const problems = options.problems ?? new ProblemList();
  const budget = options.budget ?? new ImportBudget();
  if (candidates.length === 0) {
    rejectIfAny(problems.count > 0 ? problems : new ProblemList([{ field: "file", message: "The upload holds no articles." }]));
  }

  let tooLarge = false;
  const valid: TValid[] = [];
  for (const candidate of candidates) {
    await budget.pace();
    const parsed = ZImportArticle.safeParse(blankToNull(candidate.fields));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join(".") || undefined;
        if (issue.code === "too_big" && field === "body") tooLarge = true;
        problems.push({ ...candidate.source, ...(field ? { field } : {}), message: issue.message });
      }
      continue;
    }
    valid.push({ source: candidate.source, data: parsed.data, hash: bodyHash(parsed.data.body) });
  }

  // Stories named by id must be the team's own.
  const storyIds = [...new Set(valid.flatMap((v) => (v.data.storyId && !v.data.story ? [v.data.storyId] : [])))];
  const knownStories = new Set(
    (await db.story.findMany({ where: { teamId: user.teamId, id: { in: storyIds } }, select: { id: true } })).map((s) => s.id),
  );
  for (const v of valid) {
    if (v.data.storyId && !v.data.story && !knownStories.has(v.data.storyId)) {
      problems.push({ ...v.source, field: "storyId", message: "no such story in your team." });
    }
  }
  rejectIfAny(problems, tooLarge);

  return db.$transaction(async (tx) => {
    const existing = new Map<string, { id: string; title: string }>();
    const hashes = [...new Set(valid.map((v) => v.hash))];
    for (let i = 0; i < hashes.length; i += 500) {
      const rows = await tx.article.findMany({
        where: { teamId: user.teamId, bodyHash: { in: hashes.slice(i, i + 500) } },
        select: { id: true, title: true, bodyHash: true },
      });
      for (const row of rows) existing.set(row.bodyHash, { id: row.id, title: row.title });
    }

    const result: TImportArticlesResult = { dryRun: options.dryRun === true, created: [], duplicates: [], storiesCreated: [] };
    const firstInImport = new Map<string, TValid>();
    const toCreate: TValid[] = [];
    for (const v of valid) {
      const already = existing.get(v.hash);
      if (already) {
        result.duplicates.push({ title: v.data.title, source: v.source, existing: already, earlierInImport: null });
        continue;
      }
      const earlier = firstInImport.get(v.hash);
      if (earlier) {
        result.duplicates.push({
          title: v.data.title,
          source: v.source,
          existing: null,
          earlierInImport: { ...earlier.source, title: earlier.data.title },
        });
        continue;
      }
      firstInImport.set(v.hash, v);
      toCreate.push(v);
    }

    const storyTitles = [...new Set(toCreate.flatMap((v) => (v.data.story ? [v.data.story] : [])))];
    const stories = new Map<string, string>();
    for (const title of storyTitles) {
      const found = await tx.story.findUnique({ where: { teamId_title: { teamId: user.teamId, title } }, select: { id: true } });
      if (found) {
        stories.set(title, found.id);
      } else if (options.dryRun) {
        result.storiesCreated.push(title);
      } else {
        const story = await tx.story.create({ data: { teamId: user.teamId, title }, select: { id: true } });
        stories.set(title, story.id);
        result.storiesCreated.push(title);
        await recordAuditEvent(tx, {
          teamId: user.teamId,
          actorId: user.id,
          action: "story.create",
          entityType: "Story",
          entityId: story.id,
          after: { title, via: "import" },
        });
      }
    }

    for (const v of toCreate) {
      const bodyLength = codePointLength(v.data.body);
      if (options.dryRun) {
        result.created.push({ id: null, title: v.data.title, bodyLength, source: v.source });
        continue;
      }
      const article = await tx.article.create({
        data: {
          teamId: user.teamId,
          title: v.data.title,
          outlet: v.data.outlet ?? null,
          author: v.data.author ?? null,
          url: v.data.url ?? null,
          publishedAt: v.data.publishedAt ?? null,
          body: v.data.body,
          bodyHash: v.hash,
          bodyLength,
          storyId: v.data.story ? (stories.get(v.data.story) ?? null) : (v.data.storyId ?? null),
          createdById: user.id,
        },
        select: { id: true, title: true, outlet: true },
      });
      await recordAuditEvent(tx, {
        teamId: user.teamId,
        actorId: user.id,
        action: "article.import",
        entityType: "Article",
        entityId: article.id,
        after: { title: article.title, outlet: article.outlet, bodyHash: v.hash, bodyLength, source: v.source },
      });
      result.created.push({ id: article.id, title: article.title, bodyLength, source: v.source });
    }

    if (!options.dryRun) {
      await recordAuditEvent(tx, {
        teamId: user.teamId,
        actorId: user.id,
        action: "import.articles",
        entityType: "Team",
        entityId: user.teamId,
        after: {
          label: options.label ?? null,
          created: result.created.length,
          duplicates: result.duplicates.length,
          storiesCreated: result.storiesCreated,
        },
      });
    }
    return result;
  }, TX_OPTIONS);
}
