import { apiRoute, json } from "@/lib/api/handler";
import { readJson } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { ZMarkReadRequest } from "./route.types";

export const POST = apiRoute(async ({ req, user }) => json(await markNotificationsRead(user, await readJson(req, ZMarkReadRequest, 64 * 1024))));

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
