import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { ImportBudget } from "@/lib/import/budget";
import { articleCandidates } from "@/lib/import/article-files";
import { importArticles } from "@/lib/import/import-articles";
import { isDryRun, uploadLabel } from "@/lib/import/options";
import { readImportRequest } from "@/lib/import/read-request";

export const runtime = "nodejs";

/**
 * Imports articles: a multipart form with .txt, .md or .html files (plus metadata fields) or .json / .csv files of
 * articles, or a JSON (`application/json`) or CSV (`text/csv`) body. All or nothing; duplicates are reported.
 * The role is checked before a byte of the upload is read.
 */
export const POST = apiRoute({ requires: "import:articles" }, async ({ req, user }) => {
  const request = await readImportRequest(req);
  const budget = new ImportBudget();
  const { candidates, problems } = await articleCandidates(request.files, request.fields, budget);
  const result = await importArticles(user, candidates, {
    dryRun: isDryRun(req, request),
    label: uploadLabel(request),
    problems,
    budget,
  });
  return json(result, result.created.length > 0 && !result.dryRun ? 201 : 200);
});

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
