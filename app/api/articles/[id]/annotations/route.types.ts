import { z } from "zod";
import { ZAnnotationQuery, ZCreateAnnotation } from "@/lib/annotations/schemas";
import { ZAnnotationResponse } from "@/app/api/annotations/[id]/route.types";

/** GET /api/articles/:id/annotations */
export const ZListAnnotationsQuery = ZAnnotationQuery;
export type TListAnnotationsQuery = z.input<typeof ZListAnnotationsQuery>;
export const ZListAnnotationsResponse = z.strictObject({ annotations: z.array(ZAnnotationResponse) });
export type TListAnnotationsResponse = z.infer<typeof ZListAnnotationsResponse>;

/** POST /api/articles/:id/annotations: 201 when created, 200 when the same annotation already existed. */
export const ZCreateAnnotationRequest = ZCreateAnnotation;
export type TCreateAnnotationRequest = z.input<typeof ZCreateAnnotationRequest>;
export const ZCreateAnnotationResponse = ZAnnotationResponse;
