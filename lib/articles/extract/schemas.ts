import { z } from "zod";
import { wellFormed } from "@/lib/text/well-formed";

/** A saved page is read as it is; a larger one is not an article page. */
export const MAX_HTML_BYTES = 5 * 1024 * 1024;

const ZPageUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000).superRefine(wellFormed);

/** Either a URL for the server to fetch, or a saved page's HTML (with the URL it came from, when known). */
export const ZExtractArticle = z.union(
  [
    z.strictObject({ url: ZPageUrl }),
    z.strictObject({
      html: z.string().min(1, "must not be empty").max(MAX_HTML_BYTES, "is larger than 5 MB"),
      url: ZPageUrl.optional(),
    }),
  ],
  { error: "send {url} or {html, url?}" },
);
export type TExtractArticle = z.infer<typeof ZExtractArticle>;
