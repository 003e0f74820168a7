import { apiRoute, json } from "@/lib/api/handler";
import { parseQuery, readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { findAnnotations } from "@/lib/annotations/find-annotations";
import { ZAnnotationQuery, ZCreateAnnotation } from "@/lib/annotations/schemas";

export const GET = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const query = parseQuery(req.url, ZAnnotationQuery);
  return json({ annotations: await findAnnotations(user, params.id, query) });
});

export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, ZCreateAnnotation, 64 * 1024);
  const { annotation, created } = await createAnnotation(user, params.id, input);
  return json(annotation, created ? 201 : 200);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
