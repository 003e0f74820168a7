import { apiRoute, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { findReviewQueue } from "@/lib/reviews/review-queue";
import { ZReviewQueueQuery } from "@/lib/reviews/schemas";

export const GET = apiRoute(async ({ req, user }) => json(await findReviewQueue(user, parseQuery(req.url, ZReviewQueueQuery))));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
