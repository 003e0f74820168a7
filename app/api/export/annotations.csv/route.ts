import { apiRoute } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { exportCellBatches } from "@/lib/db/export-cells";
import { contentDisposition, csvStream } from "@/lib/export/csv";
import { planAnnotationExport, planFileName, ZCsvExportQuery } from "@/lib/export/export-annotations";

// The database drivers need Node; the response is a stream read from the database batch by batch.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, user }) => {
  const { raw, excel, ...filters } = parseQuery(req.url, ZCsvExportQuery);
  const plan = await planAnnotationExport(user, filters);
  return new Response(csvStream(exportCellBatches(plan.filter), { raw, bom: excel }), {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition(planFileName(plan, "csv").replace(/\.csv$/, `${raw ? "-raw" : ""}${excel ? "-excel" : ""}.csv`)),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
