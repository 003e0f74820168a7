import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { ImportBudget } from "@/lib/import/budget";
import { annotationCandidates } from "@/lib/import/annotation-files";
import { importAnnotations } from "@/lib/import/import-annotations";
import { isDryRun, uploadLabel } from "@/lib/import/options";
import { readImportRequest } from "@/lib/import/read-request";

export const runtime = "nodejs";

/**
 * Imports annotations from our own raw CSV export or a W3C AnnotationCollection (JSON-LD): a multipart form with
 * one file, or the file as the body (`text/csv`, `application/ld+json`, `application/json`). All or nothing.
 * The role is checked before a byte of the upload is read.
 */
export const POST = apiRoute({ requires: "import:annotations" }, async ({ req, user }) => {
  const request = await readImportRequest(req);
  const budget = new ImportBudget();
  const { format, candidates, problems } = await annotationCandidates(request.files, budget);
  const result = await importAnnotations(user, format ?? "csv", candidates, {
    dryRun: isDryRun(req, request),
    label: uploadLabel(request),
    problems,
    budget,
  });
  return json(result, result.created > 0 && !result.dryRun ? 201 : 200);
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
