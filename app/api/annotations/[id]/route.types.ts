import { z } from "zod";
import { ZUpdateAnnotation } from "@/lib/annotations/schemas";
import { TAGS } from "@/lib/annotations/tags";
import type { serializeAnnotation } from "@/lib/annotations/serialize";
import { sameType } from "@/lib/api-client/same-type";
import { AnnotationStatus } from "@/lib/generated/prisma/enums";

/** An annotation as every route that answers one serializes it (lib/annotations/serialize.ts). */
export const ZAnnotationResponse = z.strictObject({
  id: z.string(),
  articleId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  tag: z.enum(TAGS),
  note: z.string(),
  author: z.strictObject({ id: z.string(), name: z.string(), email: z.string() }),
  status: z.enum(AnnotationStatus),
  agreeCount: z.number().int(),
  disagreeCount: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TAnnotationResponse = z.infer<typeof ZAnnotationResponse>;
sameType<TAnnotationResponse, ReturnType<typeof serializeAnnotation>>();

/** PATCH /api/annotations/:id */
export const ZUpdateAnnotationRequest = ZUpdateAnnotation;
export type TUpdateAnnotationRequest = z.input<typeof ZUpdateAnnotationRequest>;
export const ZUpdateAnnotationResponse = ZAnnotationResponse;

// DELETE /api/annotations/:id answers 204 with no body.
