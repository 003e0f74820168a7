import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { findAuditEvents, ZAuditQuery } from "@/lib/audit/find-audit-events";

export const GET = apiRoute({ query: ZAuditQuery, requires: "audit:read" }, async ({ user, query }) => json(await findAuditEvents(user, query)));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
