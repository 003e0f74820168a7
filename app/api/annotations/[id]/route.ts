import { apiRoute, json } from "@/lib/api/handler";
import { readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { ZUpdateAnnotation } from "@/lib/annotations/schemas";
import { updateAnnotation } from "@/lib/annotations/update-annotation";

export const PATCH = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, ZUpdateAnnotation, 64 * 1024);
  return json(await updateAnnotation(user, params.id, input));
});

export const DELETE = apiRoute<{ id: string }>(async ({ user, params }) => {
  await deleteAnnotation(user, params.id);
  return new Response(null, { status: 204 });
});

export const { GET, HEAD, POST, PUT, OPTIONS } = otherMethods("PATCH", "DELETE");
