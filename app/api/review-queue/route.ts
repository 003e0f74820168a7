import { apiRoute, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/json";
import { findReviewQueue } from "@/lib/reviews/review-queue";
import { ZReviewQueueQuery } from "@/lib/reviews/schemas";

export const GET = apiRoute(async ({ req, user }) => json(await findReviewQueue(user, parseQuery(req.url, ZReviewQueueQuery))));
