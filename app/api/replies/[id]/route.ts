import { apiRoute, json } from "@/lib/api/handler";
import { readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { deleteReply } from "@/lib/discussion/delete-reply";
import { updateReply } from "@/lib/discussion/update-reply";
import { ZUpdateReplyRequest } from "./route.types";

export const PATCH = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, ZUpdateReplyRequest, 64 * 1024);
  const { reply } = await updateReply(user, params.id, input);
  return json(reply);
});

export const DELETE = apiRoute<{ id: string }>(async ({ user, params }) => {
  await deleteReply(user, params.id);
  return new Response(null, { status: 204 });
});

export const { GET, HEAD, POST, PUT, OPTIONS } = otherMethods("PATCH", "DELETE");
