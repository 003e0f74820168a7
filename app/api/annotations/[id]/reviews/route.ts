import { apiRoute, json } from "@/lib/api/handler";
import { readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { findReviews } from "@/lib/reviews/find-reviews";
import { reviewAnnotation } from "@/lib/reviews/review-annotation";
import { ZReview } from "@/lib/reviews/schemas";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => json({ reviews: await findReviews(user, params.id) }));

export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, ZReview, 64 * 1024);
  const { review, replaced } = await reviewAnnotation(user, params.id, input);
  return json(review, replaced ? 200 : 201);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
