import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { findOrphans } from "@/lib/annotations/find-orphans";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => json({ orphans: await findOrphans(user, params.id) }));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
