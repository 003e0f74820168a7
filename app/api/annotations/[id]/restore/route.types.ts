import { ZAnnotationResponse, type TAnnotationResponse } from "@/app/api/annotations/[id]/route.types";
import { sameType } from "@/lib/api-client/same-type";
import type { restoreAnnotation } from "@/lib/annotations/restore-annotation";

/** POST /api/annotations/:id/restore (no body): the same annotation back, with its reviews and status. */
export const ZRestoreAnnotationResponse = ZAnnotationResponse;
sameType<TAnnotationResponse, Awaited<ReturnType<typeof restoreAnnotation>>>();
