import type { z } from "zod";
import { ZReplyResponse } from "@/app/api/annotations/[id]/replies/route.types";
import { ZReplyInput } from "@/lib/discussion/schemas";

/** PATCH /api/replies/:id (its author only): 200 with the edited reply. DELETE answers 204. */
export const ZUpdateReplyRequest = ZReplyInput;
export type TUpdateReplyRequest = z.input<typeof ZUpdateReplyRequest>;
export const ZUpdateReplyResponse = ZReplyResponse;
