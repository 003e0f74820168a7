// Letters NFKD cannot take apart into an ASCII base letter plus accents.
const ASCII_FOLDS: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  đ: "d",
  ð: "d",
  ł: "l",
  þ: "th",
  ı: "i",
};

const MAX_SLUG_LENGTH = 60;

/** Lower-case ASCII words joined by dashes; "" when nothing usable is left. */
export function asciiSlug(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[ßæœøđðłþı]/g, (letter) => ASCII_FOLDS[letter] ?? "")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  // Cut at a word boundary so the name does not end in half a word.
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  const lastDash = cut.lastIndexOf("-");
  return lastDash > 0 ? cut.slice(0, lastDash) : cut;
}

export type TExportFileNameInput = {
  articleTitle?: string | null;
  storyTitle?: string | null;
  date: Date;
  extension?: "csv" | "jsonld";
  /** What the file holds, its name's first word. */
  kind?: "annotations" | "discussion";
};

/** e.g. `annotations-city-hall-budget-2026-11-25.csv`: safe ASCII on every OS, dated in UTC. */
export function exportFileName({ articleTitle, storyTitle, date, extension = "csv", kind = "annotations" }: TExportFileNameInput): string {
  // An article is the narrower scope, so its title names the file when both are given.
  const slug = asciiSlug(articleTitle ?? "") || asciiSlug(storyTitle ?? "");
  const day = date.toISOString().slice(0, 10);
  return [kind, slug, day].filter((part) => part !== "").join("-") + `.${extension}`;
}

// RFC 8187 attr-char leaves only these unescaped; encodeURIComponent also keeps ' ( ) * which must be escaped.
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * RFC 6266 `attachment` header value. `filename` is a plain ASCII fallback for old clients; `filename*` carries
 * the exact UTF-8 name. Control characters never reach the header, so a name cannot inject header lines.
 */
export function contentDisposition(fileName: string): string {
  // A lone surrogate makes encodeURIComponent throw; U+FFFD keeps the rest of the name.
  const wellFormed = fileName.replace(/\p{Cs}/gu, "\uFFFD");
  const fallback =
    wellFormed
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      // Quotes and backslashes would need escaping that browsers handle inconsistently; "%" can be mis-decoded
      // (RFC 6266 appendix D); slashes are path separators.
      .replace(/[^\x20-\x7e]|["\\%/]/gu, "_") || "download";
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(wellFormed)}`;
}
