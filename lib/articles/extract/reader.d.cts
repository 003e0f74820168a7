export type TReadPage = { title: string | null; outlet: string | null; byline: string | null; publishedAt: string | null; url: string | null; body: string };
export type TReadLimits = { maxDepth: number; maxElements: number };
export function readPage(html: string, pageUrl: string | null, limits: TReadLimits): TReadPage | { problem: "tooDeep" | "tooManyElements" };
