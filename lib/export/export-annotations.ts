import { z } from "zod";
import { STATUSES, TAGS } from "@/lib/annotations/tags";
import type { TSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { TExportFilter, TExportRecord } from "@/lib/db/export-query";
import { notFound } from "@/lib/errors";
import { exportFileName } from "./file-name";
import type { TJsonLdAnnotationInput } from "./jsonld";

// The one module of lib/export that reads the database: it checks an export request against the caller's team.
// Everything else here shapes rows and stays pure.

const ZId = (what: string) =>
  z.string().min(1, `must be ${what} id`).max(200, `must be ${what} id`);

const ZFlag = z
  .enum(["0", "1", "true", "false"], { error: "must be 1 or 0" })
  .transform((value) => value === "1" || value === "true");

/** The filters of `GET /api/export/annotations.*` (api.md, Export). */
export const ZExportFilters = z.object({
  articleId: ZId("an article").optional(),
  storyId: ZId("a story").optional(),
  tag: z.enum(TAGS, { error: `must be one of ${TAGS.join(", ")}` }).optional(),
  author: ZId("a user").optional(),
  status: z.enum(STATUSES, { error: `must be one of ${STATUSES.join(", ")}` }).optional(),
});
export type TExportFilters = z.infer<typeof ZExportFilters>;

export const ZCsvExportQuery = ZExportFilters.extend({
  raw: ZFlag.optional().default(false),
  excel: ZFlag.optional().default(false),
});
export type TCsvExportQuery = z.infer<typeof ZCsvExportQuery>;

export type TExportPlan = {
  filter: TExportFilter;
  /** Titles of the narrowest scope, for the file name and the JSON-LD label. */
  articleTitle: string | null;
  storyTitle: string | null;
};

/**
 * Checks every filter against the caller's team: an article, story or annotator of another team is 404, exactly
 * as if it did not exist. Any team member may export what they can already read through the API.
 */
export async function planAnnotationExport(user: TSessionUser, filters: TExportFilters): Promise<TExportPlan> {
  let articleTitle: string | null = null;
  let storyTitle: string | null = null;
  if (filters.articleId !== undefined) {
    const article = await db.article.findFirst({
      where: { id: filters.articleId, teamId: user.teamId },
      select: { title: true },
    });
    if (!article) throw notFound("Article", "articleId");
    articleTitle = article.title;
  }
  if (filters.storyId !== undefined) {
    const story = await db.story.findFirst({
      where: { id: filters.storyId, teamId: user.teamId },
      select: { title: true },
    });
    if (!story) throw notFound("Story", "storyId");
    storyTitle = story.title;
  }
  if (filters.author !== undefined) {
    const author = await db.user.findFirst({ where: { id: filters.author, teamId: user.teamId }, select: { id: true } });
    if (!author) throw notFound("Annotator", "author");
  }
  return {
    filter: {
      teamId: user.teamId,
      articleId: filters.articleId,
      storyId: filters.storyId,
      tag: filters.tag,
      authorId: filters.author,
      status: filters.status,
    },
    articleTitle,
    storyTitle,
  };
}

/** e.g. `annotations-city-hall-budget-2026-11-25.csv`; a team-wide export is `annotations-2026-11-25.csv`. */
export function planFileName(plan: TExportPlan, extension: "csv" | "jsonld", date = new Date()): string {
  return exportFileName({ articleTitle: plan.articleTitle, storyTitle: plan.storyTitle, date, extension });
}

/** A human label for the JSON-LD collection. */
export function planLabel(plan: TExportPlan, teamName: string): string {
  if (plan.articleTitle !== null) return `Annotations on "${plan.articleTitle}"`;
  if (plan.storyTitle !== null) return `Annotations on the story "${plan.storyTitle}"`;
  return `Annotations of ${teamName}`;
}

/** The rows of exportBatches (read with `withContext`) as the annotations toAnnotationCollection takes. */
export async function* jsonLdBatches(
  batches: AsyncIterable<readonly TExportRecord[]>,
): AsyncGenerator<TJsonLdAnnotationInput[], void, undefined> {
  for await (const batch of batches) {
    yield batch.map((row) => ({
      id: row.annotationId,
      articleId: row.articleId,
      start: row.start,
      end: row.end,
      quote: row.quote,
      prefix: row.prefix,
      suffix: row.suffix,
      tag: row.tag,
      note: row.note,
      author: { name: row.annotatorName, email: row.annotatorEmail },
      status: row.status,
      agreeCount: row.agreeCount,
      disagreeCount: row.disagreeCount,
      createdAt: new Date(row.createdAt),
      updatedAt: new Date(row.updatedAt),
    }));
  }
}
