import { z } from "zod";
import { ZResolveInput } from "@/lib/discussion/schemas";

/** POST /api/annotations/:id/resolve: resolves or reopens the thread; answers its state. */
export const ZResolveThreadRequest = ZResolveInput;
export type TResolveThreadRequest = z.input<typeof ZResolveThreadRequest>;
export const ZResolveThreadResponse = z.strictObject({ resolved: z.boolean() });
export type TResolveThreadResponse = z.infer<typeof ZResolveThreadResponse>;
