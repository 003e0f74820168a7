import type { Article, Story } from "@/lib/generated/prisma/client";

export type TArticleSummary = {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: string | null;
  storyId: string | null;
  annotationCount: number;
  score: number | null;
};

export type TArticleDetail = TArticleSummary & {
  body: string;
  bodyLength: number;
  /** 1 as added, one more at each correction of the text. */
  version: number;
  story: { id: string; title: string } | null;
  createdAt: string;
  updatedAt: string;
};

export function articleSummary(a: Article): TArticleSummary {
  return {
    id: a.id,
    title: a.title,
    outlet: a.outlet,
    author: a.author,
    url: a.url,
    publishedAt: a.publishedAt,
    storyId: a.storyId,
    annotationCount: a.annotationCount,
    score: a.score,
  };
}

export function articleDetail(a: Article & { story: Story | null }): TArticleDetail {
  return {
    ...articleSummary(a),
    body: a.body,
    bodyLength: a.bodyLength,
    version: a.version,
    story: a.story ? { id: a.story.id, title: a.story.title } : null,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
