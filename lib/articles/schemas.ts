import { z } from "zod";
import { codePointLength } from "@/lib/anchoring/code-points";
import { wellFormed, ZText } from "@/lib/text/well-formed";

export const MAX_BODY_CODE_POINTS = 1_000_000;

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), ZText.trim().max(max).nullable().optional());

// A calendar date as published: full ISO timestamps are cut to their date.
const ZPublishedAt = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? null : v),
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?$/, "use a date like 2025-04-10 (or 2025-04)")
    .transform((s) => s.slice(0, s.length >= 10 ? 10 : 7))
    .refine((s) => !Number.isNaN(Date.parse(s.length === 7 ? `${s}-01` : s)), "is not a real date")
    .nullable()
    .optional(),
);

export const ZCreateArticle = z.object({
  title: ZText.trim().min(1, "is required").max(500),
  // Stored byte for byte: no trimming, no normalisation.
  body: ZText.refine((b) => codePointLength(b) > 0 && b.trim().length > 0, "must contain some text").superRefine((b, ctx) => {
    if (codePointLength(b) > MAX_BODY_CODE_POINTS) {
      ctx.addIssue({
        code: "too_big",
        origin: "string",
        maximum: MAX_BODY_CODE_POINTS,
        inclusive: true,
        message: `is longer than ${MAX_BODY_CODE_POINTS.toLocaleString("en-US")} characters`,
      });
    }
  }),
  outlet: optionalText(200),
  author: optionalText(200),
  url: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000).superRefine(wellFormed).nullable().optional(),
  ),
  publishedAt: ZPublishedAt,
  storyId: z.string().min(1).max(100).nullable().optional(),
});
export type TCreateArticle = z.infer<typeof ZCreateArticle>;

/** An article's details as edited: any of them, at least one; its text is changed only as a new version. */
export const ZUpdateArticle = ZCreateArticle.pick({ title: true, outlet: true, author: true, url: true, publishedAt: true, storyId: true })
  .partial()
  .strict()
  .refine((u) => Object.values(u).some((v) => v !== undefined), { message: "send at least one of title, outlet, author, url, publishedAt, storyId" });
export type TUpdateArticle = z.infer<typeof ZUpdateArticle>;

/** A corrected text for an article: the same rules as a new article's text. */
export const ZCorrectArticle = z.strictObject({ body: ZCreateArticle.shape.body });
export type TCorrectArticle = z.infer<typeof ZCorrectArticle>;
