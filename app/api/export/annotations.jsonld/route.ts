import { apiRoute } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { exportBatches } from "@/lib/db/export-query";
import { contentDisposition } from "@/lib/export/csv";
import { withDiscussion } from "@/lib/export/export-discussion";
import {
  jsonLdBatches,
  planAnnotationExport,
  planFileName,
  planLabel,
  ZExportFilters,
} from "@/lib/export/export-annotations";
import { jsonLdStream } from "@/lib/export/jsonld-stream";

// The database drivers need Node; the response is a stream read from the database batch by batch.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The Web Annotation Protocol's media type for an annotation collection. */
const JSONLD_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8';

export const GET = apiRoute(async ({ req, user }) => {
  const plan = await planAnnotationExport(user, parseQuery(req.url, ZExportFilters));
  const batches = withDiscussion(user.teamId, jsonLdBatches(exportBatches(plan.filter, { withContext: true })));
  return new Response(jsonLdStream({ id: req.url, label: planLabel(plan, user.teamName), batches }), {
    status: 200,
    headers: {
      "content-type": JSONLD_TYPE,
      "content-disposition": contentDisposition(planFileName(plan, "jsonld")),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
