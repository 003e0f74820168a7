import { apiRoute, json } from "@/lib/api/handler";
import { otherMethods } from "@/lib/api/methods";
import { extractArticle } from "@/lib/articles/extract/extract-article";
import { MAX_HTML_BYTES } from "@/lib/articles/extract/schemas";
import { ZExtractArticleRequest } from "./route.types";

// A saved page's HTML as a JSON string: up to twice its size once escaped, plus the URL.
export const POST = apiRoute({ body: ZExtractArticleRequest, maxBytes: 2 * MAX_HTML_BYTES + 4096, requires: "article:create" }, async ({ user, body }) =>
  json(await extractArticle(user, body)),
);

export const { GET, HEAD, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
