import type { Annotation, User } from "@/lib/generated/prisma/client";
import type { TStatus, TTag } from "./tags";

export type TAnnotation = {
  id: string;
  articleId: string;
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
  tag: TTag;
  note: string;
  author: { id: string; name: string; email: string };
  status: TStatus;
  agreeCount: number;
  disagreeCount: number;
  createdAt: string;
  updatedAt: string;
};

export const AUTHOR_SELECT = { select: { id: true, name: true, email: true } } as const;

/** An annotation with its tag under the API's name (withApiTag for a row Prisma Client read). */
type TAnnotationRow = Omit<Annotation, "tag" | "threadResolvedAt" | "threadResolvedById"> & { tag: TTag };

export function serializeAnnotation(a: TAnnotationRow & { author: Pick<User, "id" | "name" | "email"> }): TAnnotation {
  return {
    id: a.id,
    articleId: a.articleId,
    start: a.start,
    end: a.end,
    quote: a.quote,
    prefix: a.prefix,
    suffix: a.suffix,
    tag: a.tag,
    note: a.note,
    author: { id: a.author.id, name: a.author.name, email: a.author.email },
    status: a.status,
    agreeCount: a.agreeCount,
    disagreeCount: a.disagreeCount,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** The fields an audit event keeps of an annotation. */
export function auditSnapshot(a: Pick<TAnnotationRow, "start" | "end" | "tag" | "note" | "quote" | "authorId">) {
  return { start: a.start, end: a.end, tag: a.tag, note: a.note, quote: a.quote, authorId: a.authorId };
}

/**
 * What a delete, restore or purge records: the annotation with its status and how many reviews it has, so the log
 * shows what a delete put aside and what a restore brought back.
 */
export function lifecycleSnapshot(
  a: Pick<TAnnotationRow, "start" | "end" | "tag" | "note" | "quote" | "authorId" | "status" | "agreeCount" | "disagreeCount">,
  reviews: number,
) {
  return { ...auditSnapshot(a), status: a.status, agreeCount: a.agreeCount, disagreeCount: a.disagreeCount, reviews };
}
