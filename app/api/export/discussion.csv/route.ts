import { apiRoute } from "@/lib/api/handler";
import { parseQuery } from "@/lib/api/json";
import { otherMethods } from "@/lib/api/methods";
import { exportBatches } from "@/lib/db/export-query";
import { DISCUSSION_CSV_COLUMNS } from "@/lib/export/discussion-columns";
import { contentDisposition, csvStream, exportFileName } from "@/lib/export/csv";
import { planAnnotationExport, ZCsvExportQuery } from "@/lib/export/export-annotations";
import { discussionCellBatches } from "@/lib/export/export-discussion";

// The database drivers need Node; the response is a stream read from the database batch by batch.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The replies and reviews on the annotations the annotations export would list with the same filters. */
export const GET = apiRoute(async ({ req, user }) => {
  const { raw, excel, ...filters } = parseQuery(req.url, ZCsvExportQuery);
  const plan = await planAnnotationExport(user, filters);
  const name = exportFileName({ articleTitle: plan.articleTitle, storyTitle: plan.storyTitle, date: new Date(), kind: "discussion" });
  return new Response(csvStream(discussionCellBatches(user.teamId, exportBatches(plan.filter)), { raw, bom: excel, columns: DISCUSSION_CSV_COLUMNS }), {
    status: 200,
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": contentDisposition(name.replace(/\.csv$/, `${raw ? "-raw" : ""}${excel ? "-excel" : ""}.csv`)),
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
