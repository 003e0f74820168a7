import { z } from "zod";
import { apiRoute, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { findGroupScores } from "@/lib/scoring/find-group-scores";

const ZScoresQuery = z.object({ groupBy: z.enum(["outlet", "story"], { error: "must be outlet or story" }) });

export const GET = apiRoute(async ({ req, user }) => {
  const { groupBy } = parseQuery(req.url, ZScoresQuery);
  return json({ groups: await findGroupScores(user, groupBy) });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
