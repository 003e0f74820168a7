import { apiRoute, json } from "@/lib/api/handler";
import { readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { createReply } from "@/lib/discussion/create-reply";
import { findReplies } from "@/lib/discussion/find-replies";
import { ZCreateReplyRequest } from "./route.types";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) => json(await findReplies(user, params.id)));

export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, ZCreateReplyRequest, 64 * 1024);
  const { reply } = await createReply(user, params.id, input);
  return json(reply, 201);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
