import { apiRoute, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { findNotifications } from "@/lib/notifications/find-notifications";
import { ZListNotificationsQuery } from "./route.types";

export const GET = apiRoute(async ({ req, user }) => json(await findNotifications(user, parseQuery(req.url, ZListNotificationsQuery))));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
