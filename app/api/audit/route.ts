import { apiRoute, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { findAuditEvents, ZAuditQuery } from "@/lib/audit/find-audit-events";

export const GET = apiRoute(async ({ req, user }) => json(await findAuditEvents(user, parseQuery(req.url, ZAuditQuery))));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
