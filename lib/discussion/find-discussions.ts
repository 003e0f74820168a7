import { db } from "@/lib/db/client";
import type { Verdict } from "@/lib/generated/prisma/enums";

type TPerson = { name: string; email: string };

/** What an export carries of an annotation's thread: its replies and its reviews, each oldest first. */
export type TDiscussion = {
  replies: { id: string; author: TPerson; text: string; createdAt: Date; updatedAt: Date }[];
  /** `givenAt` is when the current verdict was given: a second review by the same reviewer replaces the first. */
  reviews: { id: string; reviewer: TPerson; verdict: Verdict; comment: string; givenAt: Date }[];
};

const PERSON = { select: { name: true, email: true } } as const;

/**
 * The threads of annotations an export has already checked against the team, read a batch at a time; the team is
 * asked again so that no other team's thread can ever be read through here. An annotation without replies or
 * reviews has no entry.
 */
export async function findDiscussions(teamId: string, annotationIds: readonly string[]): Promise<Map<string, TDiscussion>> {
  const threads = new Map<string, TDiscussion>();
  if (!annotationIds.length) return threads;
  const where = { annotationId: { in: [...annotationIds] }, annotation: { article: { teamId } } };
  const [replies, reviews] = [
    await db.reply.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: PERSON } }),
    await db.review.findMany({ where, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], include: { reviewer: PERSON } }),
  ];
  const of = (id: string) => {
    let thread = threads.get(id);
    if (!thread) threads.set(id, (thread = { replies: [], reviews: [] }));
    return thread;
  };
  for (const r of replies) of(r.annotationId).replies.push({ id: r.id, author: r.author, text: r.text, createdAt: r.createdAt, updatedAt: r.updatedAt });
  for (const r of reviews) of(r.annotationId).reviews.push({ id: r.id, reviewer: r.reviewer, verdict: r.verdict, comment: r.comment, givenAt: r.updatedAt });
  return threads;
}
