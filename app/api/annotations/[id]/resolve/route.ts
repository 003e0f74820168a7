import { apiRoute, json } from "@/lib/api/handler";
import { readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { resolveThread } from "@/lib/discussion/resolve-thread";
import { ZResolveThreadRequest } from "./route.types";

export const POST = apiRoute<{ id: string }>(async ({ req, user, params }) => {
  const input = await readJson(req, ZResolveThreadRequest, 4 * 1024);
  const { resolved } = await resolveThread(user, params.id, input);
  return json({ resolved });
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
