import type { TTag } from "@/lib/annotations/tags";
import type { AnnotationStatus } from "@/lib/generated/prisma/enums";
import { getDb } from "./client";
import { PG_ANNOTATION_VECTOR, PG_ARTICLE_VECTOR } from "./search-index";
import { databaseProvider } from "./url";

/** A search as the database runs it: words (letters and digits only), the last one matched as a prefix. */
export type TSearchQuery = {
  teamId: string;
  words: string[];
  outlet?: string;
  storyId?: string;
  /** Any of these restricts the search to annotations. The tag as stored (the API's name, as raw SQL sees it). */
  tag?: TTag;
  authorId?: string;
  status?: AnnotationStatus;
  limit: number;
};

export type TSearchRow = {
  kind: "article" | "annotation";
  articleId: string;
  annotationId: string | null;
  title: string;
  /** For an article, its text around the first word found; for an annotation, its quote. */
  excerpt: string;
  note: string | null;
};

/** How much of an article's text comes back around the first word found, and how far before it. */
const EXCERPT = { before: 80, length: 240 } as const;

type TClauses = { where: string[]; params: unknown[] };

function sqliteSearch(q: TSearchQuery) {
  const match = q.words.map((w, i) => `"${w}"${i === q.words.length - 1 ? "*" : ""}`).join(" ");
  const clauses = (first: string[]): TClauses & { add: (sql: string, value: unknown) => void } => {
    const c: TClauses = { where: first, params: [match] };
    return { ...c, add: (sql, value) => (c.where.push(sql), c.params.push(value)) };
  };
  const articleFilters = (alias: string, c: ReturnType<typeof clauses>) => {
    c.add(`${alias}."teamId" = ?`, q.teamId);
    if (q.outlet !== undefined) c.add(`${alias}."outlet" = ?`, q.outlet);
    if (q.storyId !== undefined) c.add(`${alias}."storyId" = ?`, q.storyId);
  };
  const article = clauses([`"ArticleSearch" MATCH ?`]);
  articleFilters("a", article);
  const annotation = clauses([`"AnnotationSearch" MATCH ?`, `an."deletedAt" IS NULL`]);
  articleFilters("ar", annotation);
  if (q.tag !== undefined) annotation.add(`an."tag" = ?`, q.tag);
  if (q.authorId !== undefined) annotation.add(`an."authorId" = ?`, q.authorId);
  if (q.status !== undefined) annotation.add(`an."status" = ?`, q.status);
  return {
    article: {
      sql: `SELECT 'article' AS "kind", a."id" AS "articleId", NULL AS "annotationId", a."title",
                   substr(a."body", max(1, instr(lower(a."body"), lower(?)) - ${EXCERPT.before}), ${EXCERPT.length}) AS "excerpt", NULL AS "note"
              FROM "ArticleSearch" JOIN "Article" a ON a.rowid = "ArticleSearch".rowid
             WHERE ${article.where.join(" AND ")} ORDER BY "ArticleSearch".rowid DESC LIMIT ?`,
      params: [q.words[0], ...article.params, q.limit],
    },
    annotation: {
      sql: `SELECT 'annotation' AS "kind", an."articleId", an."id" AS "annotationId", ar."title", an."quote" AS "excerpt", an."note"
              FROM "AnnotationSearch" JOIN "Annotation" an ON an.rowid = "AnnotationSearch".rowid JOIN "Article" ar ON ar."id" = an."articleId"
             WHERE ${annotation.where.join(" AND ")} ORDER BY "AnnotationSearch".rowid DESC LIMIT ?`,
      params: [...annotation.params, q.limit],
    },
  };
}

function postgresSearch(q: TSearchQuery) {
  const tsquery = q.words.map((w, i) => `${w}${i === q.words.length - 1 ? ":*" : ""}`).join(" & ");
  const build = (base: unknown[]) => {
    const params = [...base];
    const p = (value: unknown) => `$${params.push(value)}`;
    return { params, p };
  };
  const article = build([tsquery, q.words[0]]);
  const aw = [`${PG_ARTICLE_VECTOR.replace(/"title"|"body"/g, (c) => `a.${c}`)} @@ to_tsquery('simple', $1)`, `a."teamId" = ${article.p(q.teamId)}`];
  if (q.outlet !== undefined) aw.push(`a."outlet" = ${article.p(q.outlet)}`);
  if (q.storyId !== undefined) aw.push(`a."storyId" = ${article.p(q.storyId)}`);
  const annotation = build([tsquery]);
  const nw = [`${PG_ANNOTATION_VECTOR.replace(/"quote"|"note"/g, (c) => `an.${c}`)} @@ to_tsquery('simple', $1)`, `an."deletedAt" IS NULL`, `ar."teamId" = ${annotation.p(q.teamId)}`];
  if (q.outlet !== undefined) nw.push(`ar."outlet" = ${annotation.p(q.outlet)}`);
  if (q.storyId !== undefined) nw.push(`ar."storyId" = ${annotation.p(q.storyId)}`);
  if (q.tag !== undefined) nw.push(`an."tag" = ${annotation.p(q.tag)}::"Tag"`);
  if (q.authorId !== undefined) nw.push(`an."authorId" = ${annotation.p(q.authorId)}`);
  if (q.status !== undefined) nw.push(`an."status" = ${annotation.p(q.status)}::"AnnotationStatus"`);
  return {
    article: {
      sql: `SELECT 'article' AS "kind", a."id" AS "articleId", NULL AS "annotationId", a."title",
                   substr(a."body", greatest(1, strpos(lower(a."body"), lower($2)) - ${EXCERPT.before}), ${EXCERPT.length}) AS "excerpt", NULL AS "note"
              FROM "Article" a WHERE ${aw.join(" AND ")} LIMIT ${article.p(q.limit)}`,
      params: article.params,
    },
    annotation: {
      sql: `SELECT 'annotation' AS "kind", an."articleId", an."id" AS "annotationId", ar."title", an."quote" AS "excerpt", an."note"
              FROM "Annotation" an JOIN "Article" ar ON ar."id" = an."articleId" WHERE ${nw.join(" AND ")} LIMIT ${annotation.p(q.limit)}`,
      params: annotation.params,
    },
  };
}

/**
 * Articles whose title or text, and annotations whose quote or note, hold every word (the last as a prefix), through
 * the database's full-text index: newest first on SQLite (the index's own order), in storage order on PostgreSQL, so
 * that a common word stops at the limit instead of ranking every match. Annotation filters leave articles out.
 */
export async function searchRows(q: TSearchQuery): Promise<TSearchRow[]> {
  const db = getDb();
  const queries = databaseProvider() === "postgresql" ? postgresSearch(q) : sqliteSearch(q);
  const annotationOnly = q.tag !== undefined || q.authorId !== undefined || q.status !== undefined;
  const [articles, annotations] = await Promise.all([
    annotationOnly ? Promise.resolve([]) : db.$queryRawUnsafe<TSearchRow[]>(queries.article.sql, ...queries.article.params),
    db.$queryRawUnsafe<TSearchRow[]>(queries.annotation.sql, ...queries.annotation.params),
  ]);
  return [...articles, ...annotations];
}
