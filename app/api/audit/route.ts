import { apiRoute, json } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/json";
import { findAuditEvents, ZAuditQuery } from "@/lib/audit/find-audit-events";

export const GET = apiRoute(async ({ req, user }) => json(await findAuditEvents(user, parseQuery(req.url, ZAuditQuery))));
