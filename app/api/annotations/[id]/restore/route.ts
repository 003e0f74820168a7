import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { restoreAnnotation } from "@/lib/annotations/restore-annotation";

export const POST = apiRoute<{ id: string }>(async ({ user, params }) => json(await restoreAnnotation(user, params.id)));

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
