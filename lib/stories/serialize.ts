export type TStorySummary = { id: string; title: string; articleCount: number; createdAt: string };

export function storySummary(s: { id: string; title: string; createdAt: Date; _count: { articles: number } }): TStorySummary {
  return { id: s.id, title: s.title, articleCount: s._count.articles, createdAt: s.createdAt.toISOString() };
}

export const STORY_COUNT = { _count: { select: { articles: true } } } as const;
