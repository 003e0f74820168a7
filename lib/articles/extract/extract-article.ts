import { assertCan } from "@/lib/auth/permissions";
import type { TSessionUser } from "@/lib/auth/session-user";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { addressPolicy } from "./address-policy";
import { fetchPage, FETCH_LIMITS, type TFetchLimits } from "./fetch-page";
import { readPage, type TReadPage } from "./read-page";
import type { TExtractArticle } from "./schemas";

/**
 * The article on a web page, for the user to check before saving it (nothing is stored): fetched by the server
 * from `url` within FETCH_LIMITS and the operator's address policy, or read from the saved page's `html`.
 */
export async function extractArticle(user: TSessionUser, input: TExtractArticle, limits: TFetchLimits = FETCH_LIMITS): Promise<TReadPage> {
  assertCan(user, "article:create");
  const page = "html" in input ? { html: input.html, url: input.url ?? null } : await fetchPage(input.url, addressPolicy(env("ARTICLE_FETCH_ALLOW")), limits);
  const article = await readPage(page.html, page.url);
  if (!article.body) {
    throw new AppError("INVALID_INPUT", "No article text was found on that page: paste the text instead.", "html" in input ? "html" : "url");
  }
  return article;
}
